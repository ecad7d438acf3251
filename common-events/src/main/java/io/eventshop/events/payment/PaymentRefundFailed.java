package io.eventshop.events.payment;

import io.eventshop.events.Fields;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A refund that compensates an order could not be made yet: the provider refused it {@code attempts} times. The
 * payment service keeps retrying with backoff until it succeeds (then {@link PaymentRefunded} follows); until then the
 * order needs an operator's attention.
 */
public record PaymentRefundFailed(
        UUID orderId, UUID paymentId, BigDecimal amount, String currency, String reason, int attempts)
        implements PaymentEvent {

    public PaymentRefundFailed {
        Fields.required(orderId, "orderId");
        Fields.required(paymentId, "paymentId");
        Fields.money(amount, "amount");
        Fields.currency(currency, "currency");
        Fields.notBlank(reason, "reason");
        Fields.positive(attempts, "attempts");
    }
}
