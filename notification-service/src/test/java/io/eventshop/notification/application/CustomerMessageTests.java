package io.eventshop.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.notification.domain.Priority;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerMessageTests {

    private final UUID orderId = UUID.randomUUID();

    @Test
    void aCancellationTellsTheReason() {
        CustomerMessage message = CustomerMessage.of(new OrderCancelled(orderId, "c-42", "card declined"));

        assertThat(message.type()).isEqualTo("OrderCancelled");
        assertThat(message.priority()).isEqualTo(Priority.NORMAL);
        assertThat(message.text()).isEqualTo("Your order " + orderId + " was cancelled: card declined.");
    }

    @Test
    void aShipmentTellsTheCarrierAndTrackingNumber() {
        CustomerMessage message =
                CustomerMessage.of(new ShipmentScheduled(orderId, UUID.randomUUID(), "c-42", "DHL", "TRK-1"));

        assertThat(message.type()).isEqualTo("ShipmentScheduled");
        assertThat(message.text()).contains("DHL", "TRK-1");
    }

    @Test
    void aDeclinedPaymentTellsTheAmountAndReason() {
        CustomerMessage message = CustomerMessage.of(new PaymentDeclined(
                orderId, UUID.randomUUID(), "c-42", new BigDecimal("39.98"), "EUR", "card declined"));

        assertThat(message.customerId()).isEqualTo("c-42");
        assertThat(message.text()).contains("39.98 EUR", "card declined");
    }
}
