package io.eventshop.payment.integration;

import io.eventshop.payment.application.PaymentProvider.Authorization;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.integration.SimulatedPaymentProvider.Ledger;
import java.util.Optional;

/**
 * What the simulated payment provider remembers: the first answer to each idempotency key, the money it moved, and
 * the refusals it has given. A real provider keeps these in its own systems, so they outlive a restart of
 * payment-service; {@link JdbcProviderBooks} does the same.
 */
public interface ProviderBooks {

    /** The answer already given to this authorization key, if any. */
    Optional<Authorization> authorization(String idempotencyKey);

    /** Records the answer to an authorization key unless one is recorded, and returns the one that stands. */
    Authorization recordAuthorization(String idempotencyKey, Authorization answer, String token, Money amount);

    /** The test card token of an approved payment. */
    Optional<String> tokenOf(String paymentReference);

    /** Counts one more refused refund of a payment, and returns how many it has had. */
    int countRefusal(String paymentReference);

    /** Whether a refund with this key was accepted. */
    boolean refunded(String idempotencyKey);

    /** Records an accepted refund unless one is recorded with this key. */
    void recordRefund(String idempotencyKey, String paymentReference, Money amount);

    Ledger ledger();
}
