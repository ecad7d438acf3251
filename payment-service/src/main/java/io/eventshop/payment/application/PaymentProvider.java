package io.eventshop.payment.application;

import io.eventshop.payment.domain.Money;

/**
 * The port to a payment provider (a card processor); the integration package implements it with a simulated provider
 * behind resilience4j. Every call carries an idempotency key: the provider answers a repeated key with its first
 * answer, so a retried call never charges or refunds twice.
 *
 * <p>A decline or a refused refund is an answer. A provider that cannot answer (unreachable, erroring, too slow) throws
 * {@link ProviderUnavailableException}, and the call may be retried.
 */
public interface PaymentProvider {

    /**
     * Authorizes {@code amount} on the card behind {@code token}.
     *
     * @param idempotencyKey the order id: an order is charged at most once
     * @throws ProviderUnavailableException if the provider gave no answer
     */
    Authorization authorize(String idempotencyKey, String token, Money amount);

    /**
     * Gives back {@code amount} of the authorized payment {@code paymentReference}.
     *
     * @param idempotencyKey the refund id: a refund is paid out at most once
     * @throws ProviderUnavailableException if the provider gave no answer
     */
    RefundOutcome refund(String idempotencyKey, String paymentReference, Money amount);

    /** The provider's answer to an authorization. */
    sealed interface Authorization {

        /** The amount is authorized; {@code reference} names the payment at the provider. */
        record Approved(String reference) implements Authorization {}

        /** The card was declined; {@code reason} can be shown to the customer. */
        record Declined(String reason) implements Authorization {}
    }

    /** The provider's answer to a refund. */
    sealed interface RefundOutcome {

        /** The money is on its way back. */
        record Accepted(String reference) implements RefundOutcome {}

        /** Not now: the refund has to be tried again later. */
        record Refused(String reason) implements RefundOutcome {}
    }
}
