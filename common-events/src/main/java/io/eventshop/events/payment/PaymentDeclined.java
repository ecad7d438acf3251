package io.eventshop.events.payment;

import io.eventshop.events.Fields;
import java.math.BigDecimal;
import java.util.UUID;

/** The provider declined the payment: nothing was charged, so the order is cancelled with no compensation. */
public record PaymentDeclined(
        UUID orderId, UUID paymentId, String customerId, BigDecimal amount, String currency, String reason)
        implements PaymentEvent {

    public PaymentDeclined {
        Fields.required(orderId, "orderId");
        Fields.required(paymentId, "paymentId");
        Fields.notBlank(customerId, "customerId");
        Fields.money(amount, "amount");
        Fields.currency(currency, "currency");
        Fields.notBlank(reason, "reason");
    }
}
