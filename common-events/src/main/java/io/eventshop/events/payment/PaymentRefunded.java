package io.eventshop.events.payment;

import io.eventshop.events.Fields;
import java.math.BigDecimal;
import java.util.UUID;

/** An authorized payment was refunded, compensating it after a later step failed or the order was cancelled. */
public record PaymentRefunded(
        UUID orderId, UUID paymentId, UUID refundId, BigDecimal amount, String currency, String reason)
        implements PaymentEvent {

    public PaymentRefunded {
        Fields.required(orderId, "orderId");
        Fields.required(paymentId, "paymentId");
        Fields.required(refundId, "refundId");
        Fields.money(amount, "amount");
        Fields.currency(currency, "currency");
        Fields.notBlank(reason, "reason");
    }
}
