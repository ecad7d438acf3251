package io.eventshop.payment.application;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.payment.PaymentRefundFailed;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.payment.domain.CancelledOrders;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.Payments;
import io.eventshop.payment.domain.Refund;
import io.eventshop.payment.domain.RefundSchedule;
import io.eventshop.payment.provider.PaymentProvider;
import io.eventshop.payment.provider.PaymentProvider.RefundOutcome;
import io.eventshop.payment.provider.ProviderUnavailableException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds payments to compensate orders that failed or were cancelled: once per payment, retried with backoff while
 * the provider refuses, and never dropped. PaymentRefunded follows when the provider accepts; PaymentRefundFailed is
 * published once when the refusals reach {@code eventshop.payment.refund-attention-after}.
 */
@Service
public class PaymentRefunds {

    private static final Logger log = LoggerFactory.getLogger(PaymentRefunds.class);

    private final Payments payments;
    private final CancelledOrders cancelledOrders;
    private final PaymentProvider provider;
    private final Outbox outbox;
    private final RefundSchedule schedule;
    private final Clock clock;

    PaymentRefunds(
            Payments payments,
            CancelledOrders cancelledOrders,
            PaymentProvider provider,
            Outbox outbox,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.cancelledOrders = cancelledOrders;
        this.provider = provider;
        this.outbox = outbox;
        this.schedule = properties.refundSchedule();
        this.clock = clock;
    }

    /**
     * Compensates the payment of {@code orderId}, because of the event {@code cause}. With no payment yet, remembers
     * the cancellation (a tombstone) so that a late OrderPlaced is declined. A declined, refunding or refunded payment
     * needs nothing.
     *
     * <p>The refund is stored before the event is acknowledged, whatever the provider answers: if it refuses, or gives
     * no answer, the refund stays pending and {@link #retryNextDueRefund} tries it again. A compensation is never
     * dropped, not even when the provider is down for longer than the event's retries last.
     */
    @Transactional
    public void compensate(UUID orderId, String reason, EventEnvelope cause) {
        Optional<Payment> found = payments.lockByOrderId(new OrderId(orderId));
        if (found.isEmpty()) {
            log.info("No payment for order {} yet; recording its cancellation ({})", orderId, cause.eventType());
            cancelledOrders.record(new OrderId(orderId), reason);
            return;
        }
        Payment payment = found.get();
        if (!payment.isRefundable()) {
            log.info("Payment {} is {}: nothing to refund for {}", payment.id(), payment.status(), cause.eventType());
            return;
        }
        payment.requestRefund(reason, cause.correlationId(), cause.eventId(), clock.instant());
        attemptRefund(payment);
    }

    /**
     * Tries the next refund that is due, if any.
     *
     * @return whether a refund was due
     */
    @Transactional
    public boolean retryNextDueRefund() {
        Optional<Payment> due = payments.lockNextRefundDue(clock.instant());
        due.ifPresent(this::attemptRefund);
        return due.isPresent();
    }

    /** Asks the provider for the pending refund and records its answer; no answer counts as a refusal. */
    private void attemptRefund(Payment payment) {
        Refund refund = payment.refund().orElseThrow();
        RefundOutcome outcome;
        try {
            outcome = provider.refund(
                    refund.id().toString(), payment.providerReference().orElseThrow(), payment.amount());
        } catch (ProviderUnavailableException e) {
            outcome = new RefundOutcome.Refused("provider unavailable: " + e.getMessage());
        }
        switch (outcome) {
            case RefundOutcome.Accepted accepted -> {
                payment.refundAccepted(clock.instant());
                payments.save(payment);
                outbox.add(
                        new PaymentRefunded(
                                payment.orderId().value(),
                                payment.id().value(),
                                refund.id().value(),
                                payment.amount().amount(),
                                payment.amount().currency(),
                                refund.reason()),
                        refund.correlationId(),
                        refund.causationId());
                log.info("Refunded payment {} of order {}", payment.id(), payment.orderId());
            }
            case RefundOutcome.Refused refused -> recordRefusal(payment, refused.reason());
        }
    }

    private void recordRefusal(Payment payment, String failure) {
        boolean needsAttention = payment.refundRefused(failure, clock.instant(), schedule);
        payments.save(payment);
        Refund refund = payment.refund().orElseThrow();
        log.warn(
                "Refund {} of payment {} failed (attempt {}): {}; next attempt at {}",
                refund.id(),
                payment.id(),
                refund.failedAttempts(),
                failure,
                refund.nextAttemptAt());
        if (needsAttention) {
            outbox.add(
                    new PaymentRefundFailed(
                            payment.orderId().value(),
                            payment.id().value(),
                            payment.amount().amount(),
                            payment.amount().currency(),
                            failure,
                            refund.failedAttempts()),
                    refund.correlationId(),
                    refund.causationId());
        }
    }
}
