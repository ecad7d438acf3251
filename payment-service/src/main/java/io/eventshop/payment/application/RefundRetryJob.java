package io.eventshop.payment.application;

import io.eventshop.messaging.PeriodicTask;
import io.eventshop.payment.domain.RefundRequested;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks the provider for the pending refunds, always outside the transactions that store them: once right after a
 * compensation commits (its RefundRequested), on a thread of its own so that the event's listener moves on; and then
 * every {@code eventshop.payment.refund-retry.poll-interval} ({@link PeriodicTask}), for the refunds that are due again
 * after a refusal, or whose attempt never reported back. Each attempt claims its refund with SKIP LOCKED and a lease,
 * so attempts of this and other instances never ask for the same refund at once.
 */
@Component
class RefundRetryJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefundRetryJob.class);

    /** How many refunds one pass tries at most, so that a pass ends even while the provider refuses everything. */
    private static final int MAX_PER_PASS = 100;

    private final PaymentRefunds refunds;
    private final Duration pollInterval;
    private final PeriodicTask schedule;
    private volatile @Nullable ExecutorService promptAttempts;

    RefundRetryJob(PaymentRefunds refunds, PaymentProperties properties) {
        this.refunds = refunds;
        this.pollInterval = properties.refundRetry().pollInterval();
        this.schedule =
                new PeriodicTask("refund-retry", properties.refundRetry().pollInterval(), this::retryDueRefunds);
    }

    /** A refund was requested and has committed: ask the provider now rather than at the next pass. */
    @TransactionalEventListener
    void refundRequested(RefundRequested requested) {
        ExecutorService executor = promptAttempts;
        if (executor == null) {
            log.info("Refund of payment {} is left to the retry job: stopped", requested.paymentId());
            return;
        }
        try {
            executor.execute(() -> attemptNow(requested));
        } catch (RejectedExecutionException stopping) {
            log.info("Refund of payment {} is left to the retry job: stopping", requested.paymentId());
        }
    }

    private void attemptNow(RefundRequested requested) {
        try {
            refunds.attemptRefund(requested.paymentId());
        } catch (RuntimeException e) {
            log.warn("Refund of payment {} failed to run; the retry job tries it again", requested.paymentId(), e);
        }
    }

    /**
     * Tries the refunds that have been due for a poll interval. A new refund is due at once, and the prompt attempt
     * that its RefundRequested starts has that long to itself: a pass that took it first would ask the provider in
     * the pass's own trace, and the refund's PaymentRefunded would leave the order's.
     */
    void retryDueRefunds() {
        int tried = 0;
        while (tried < MAX_PER_PASS && refunds.attemptNextDueRefund(pollInterval)) {
            tried++;
        }
    }

    /**
     * The prompt attempts run in the trace context of the handling that requested them (Micrometer's context
     * propagation carries the current observation to their thread), so that PaymentRefunded joins the order's trace.
     */
    @Override
    public synchronized void start() {
        promptAttempts = ContextExecutorService.wrap(
                Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("refund-attempt-", 0).factory()),
                ContextSnapshotFactory.builder().build());
        schedule.start();
    }

    /** Stops trying; an attempt under way finishes, and one cut short is due again when its lease ends. */
    @Override
    public synchronized void stop() {
        schedule.stop();
        ExecutorService executor = promptAttempts;
        promptAttempts = null;
        if (executor != null) {
            executor.shutdown();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule.isRunning();
    }
}
