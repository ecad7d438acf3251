package io.eventshop.events.payment;

import io.eventshop.events.Fields;
import java.math.BigDecimal;
import java.util.UUID;

/** The provider authorized the order's total: inventory may now reserve the stock. */
public record PaymentAuthorized(UUID orderId, UUID paymentId, String customerId, BigDecimal amount, String currency)
        implements PaymentEvent {

    public PaymentAuthorized {
        Fields.required(orderId, "orderId");
        Fields.required(paymentId, "paymentId");
        Fields.notBlank(customerId, "customerId");
        Fields.money(amount, "amount");
        Fields.currency(currency, "currency");
    }
}
