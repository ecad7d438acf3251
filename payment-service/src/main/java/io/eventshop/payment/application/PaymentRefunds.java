package io.eventshop.payment.application;

import io.eventshop.messaging.tombstone.Tombstones;
import io.eventshop.payment.application.PaymentProvider.RefundOutcome;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentId;
import io.eventshop.payment.domain.PaymentStatus;
import io.eventshop.payment.domain.Refund;
import io.eventshop.payment.domain.RefundId;
import io.eventshop.payment.domain.RefundSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds payments to compensate orders that failed or were cancelled: once per payment, retried with backoff while
 * the provider refuses, and never dropped. PaymentRefunded follows when the provider accepts; PaymentRefundFailed is
 * published once when the refusals reach {@code eventshop.payment.refund-attention-after}.
 *
 * <p>No transaction is open while the provider is asked. A compensation only stores the refund as pending, in the
 * transaction of the event that asked for it ({@link #compensate}); an attempt ({@link #attemptRefund},
 * {@link #attemptNextDueRefund}) then claims the refund in a short transaction of its own, asks the provider with none
 * open, and records the answer and its event in a second one. The refund id is the provider's idempotency key, so an
 * attempt repeated after a crash or a lost answer refunds once.
 */
@Service
public class PaymentRefunds {

    private static final Logger log = LoggerFactory.getLogger(PaymentRefunds.class);

    private final Payments payments;
    private final Tombstones tombstones;
    private final PaymentProvider provider;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RefundSchedule schedule;
    private final Duration attemptLease;
    private final Clock clock;

    PaymentRefunds(
            Payments payments,
            Tombstones tombstones,
            PaymentProvider provider,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.tombstones = tombstones;
        this.provider = provider;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.schedule = properties.refundSchedule();
        this.attemptLease = properties.refundRetry().attemptLease();
        this.clock = clock;
    }

    /**
     * Compensates the payment of {@code orderId}, because of the event {@code causationId} of the saga
     * {@code correlationId}. With no payment yet, buries the order (a tombstone) so that a late OrderPlaced is declined.
     * A declined, refunding or refunded payment needs nothing.
     *
     * <p>The refund is stored as pending, due at once, before the event is acknowledged; the provider is asked once
     * this transaction has committed (RefundRequested, which {@link RefundRetryJob} acts on), and again by the retry job
     * for as long as it refuses or does not answer. A compensation is never dropped, not even when the provider is down
     * for longer than the event's retries last. The payment's version makes a concurrent change fail the commit, and
     * the event is then handled again.
     */
    @Transactional
    public void compensate(OrderId orderId, String reason, UUID correlationId, UUID causationId) {
        Optional<Payment> found = payments.findByOrderId(orderId);
        if (found.isEmpty()) {
            log.info("No payment for order {} yet; burying it ({})", orderId, reason);
            tombstones.bury(orderId.value(), reason);
            return;
        }
        Payment payment = found.get();
        if (!payment.isRefundable()) {
            log.info("Payment {} is {}: nothing to refund ({})", payment.id(), payment.status(), reason);
            return;
        }
        payment.requestRefund(reason, correlationId, causationId, clock.instant());
        payments.save(payment);
        payment.releaseEvents().forEach(events::publishEvent);
    }

    /** Tries the pending refund of payment {@code id} now, unless it is not due or another attempt holds it. */
    public void attemptRefund(PaymentId id) {
        attempt(() -> payments.lockIfRefundDue(id, clock.instant()));
    }

    /**
     * Tries the refund that has been due longest, if it has been due for at least {@code since}.
     *
     * @return whether a refund was due
     */
    public boolean attemptNextDueRefund(Duration since) {
        return attempt(() -> payments.lockNextRefundDue(clock.instant().minus(since)));
    }

    private boolean attempt(Supplier<Optional<Payment>> due) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "a refund is attempted outside any transaction: the provider call is remote");
        }
        Optional<Attempt> claimed =
                Objects.requireNonNull(transaction.execute(status -> due.get().map(this::claim)));
        if (claimed.isEmpty()) {
            return false;
        }
        RefundOutcome outcome = ask(claimed.get());
        transaction.executeWithoutResult(status -> record(claimed.get(), outcome));
        return true;
    }

    /** The refund's lease: it is not due to anyone else until this attempt reports back, or its lease ends. */
    private Attempt claim(Payment payment) {
        Refund refund = payment.startRefundAttempt(clock.instant(), attemptLease);
        payments.save(payment);
        return new Attempt(
                payment.id(), refund.id(), payment.providerReference().orElseThrow(), payment.amount());
    }

    /** Asks the provider, with no transaction open; no answer counts as a refusal. */
    private RefundOutcome ask(Attempt attempt) {
        try {
            return provider.refund(attempt.refundId().toString(), attempt.providerReference(), attempt.amount());
        } catch (ProviderUnavailableException e) {
            return new RefundOutcome.Refused("provider unavailable: " + e.getMessage());
        }
    }

    private void record(Attempt attempt, RefundOutcome outcome) {
        Payment payment = payments.findById(attempt.paymentId()).orElseThrow();
        if (payment.status() != PaymentStatus.REFUND_PENDING) {
            log.info("Refund {} of payment {} was completed by another attempt", attempt.refundId(), payment.id());
            return;
        }
        switch (outcome) {
            case RefundOutcome.Accepted accepted -> {
                payment.refundAccepted(clock.instant());
                log.info("Refunded payment {} of order {}", payment.id(), payment.orderId());
            }
            case RefundOutcome.Refused refused -> {
                payment.refundRefused(refused.reason(), clock.instant(), schedule);
                Refund refund = payment.refund().orElseThrow();
                log.warn(
                        "Refund {} of payment {} failed (attempt {}): {}; next attempt at {}",
                        refund.id(),
                        payment.id(),
                        refund.failedAttempts(),
                        refused.reason(),
                        refund.nextAttemptAt());
            }
        }
        payments.save(payment);
        payment.releaseEvents().forEach(events::publishEvent);
    }

    /** What an attempt needs to know to ask the provider, read in the transaction that claimed the refund. */
    private record Attempt(PaymentId paymentId, RefundId refundId, String providerReference, Money amount) {}
}
