package io.eventshop.payment.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the refunds the provider refused, when their backoff has passed. Each refund is tried in its own
 * transaction, locked with SKIP LOCKED, so several instances can run the job side by side.
 */
@Component
class RefundRetryJob {

    /** How many refunds one pass tries at most, so that a pass ends even while the provider refuses everything. */
    private static final int MAX_PER_PASS = 100;

    private final PaymentRefunds refunds;

    RefundRetryJob(PaymentRefunds refunds) {
        this.refunds = refunds;
    }

    @Scheduled(fixedDelayString = "${eventshop.payment.refund-retry.poll-interval:1s}")
    void retryDueRefunds() {
        int tried = 0;
        while (tried < MAX_PER_PASS && refunds.retryNextDueRefund()) {
            tried++;
        }
    }
}
