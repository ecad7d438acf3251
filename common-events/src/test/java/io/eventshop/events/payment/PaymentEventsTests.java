package io.eventshop.events.payment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.events.Events;
import io.eventshop.events.InvalidFieldException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaymentEventsTests {

    private final PaymentAuthorized sample = Events.paymentAuthorized();

    @Test
    void anAuthorizationCannotBeForANegativeAmount() {
        assertThatThrownBy(() -> new PaymentAuthorized(
                        sample.orderId(),
                        sample.paymentId(),
                        sample.customerId(),
                        new BigDecimal("-1.00"),
                        sample.currency()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("amount must not be negative, was -1.00");
    }

    @Test
    void anAuthorizationNamesThePayment() {
        assertThatThrownBy(() -> new PaymentAuthorized(
                        sample.orderId(), null, sample.customerId(), sample.amount(), sample.currency()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("paymentId is required");
    }

    @Test
    void aRefundNamesTheRefund() {
        assertThatThrownBy(() -> new PaymentRefunded(
                        sample.orderId(), sample.paymentId(), null, sample.amount(), sample.currency(), "cancelled"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("refundId is required");
    }

    @Test
    void aDeclineNeedsAReason() {
        assertThatThrownBy(() -> new PaymentDeclined(
                        sample.orderId(),
                        sample.paymentId(),
                        sample.customerId(),
                        sample.amount(),
                        sample.currency(),
                        " "))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("reason must not be blank");
    }
}
