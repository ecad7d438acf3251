package io.eventshop.payment.application;

import io.eventshop.payment.domain.RefundSchedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The payments, under {@code eventshop.payment} (the simulated provider has its own {@code eventshop.payment.provider},
 * and the resilience of its calls is resilience4j's, under {@code resilience4j.*.instances.payment-provider}).
 *
 * @param refundRetry how refused refunds are retried
 * @param refundAttentionAfter after how many failed attempts of a refund PaymentRefundFailed is published (once)
 */
@Validated
@ConfigurationProperties("eventshop.payment")
public record PaymentProperties(
        @Valid @DefaultValue RefundRetry refundRetry,
        @Min(1) @DefaultValue("3") int refundAttentionAfter) {

    /**
     * The retries of refused refunds.
     *
     * @param initialDelay the wait after the first refusal; it doubles after each further one
     * @param maxDelay the longest wait between two attempts
     * @param pollInterval how often the job looks for refunds that are due
     * @param attemptLease how long an attempt under way keeps others from trying the same refund: longer than a
     *     provider call with all its retries can take; a refund whose attempt never reported back (its instance
     *     stopped) is tried again after it
     */
    public record RefundRetry(
            @NotNull @DefaultValue("10s") Duration initialDelay,
            @NotNull @DefaultValue("10m") Duration maxDelay,
            @NotNull @DefaultValue("1s") Duration pollInterval,
            @NotNull @DefaultValue("30s") Duration attemptLease) {}

    /** The schedule the Payment aggregate follows for refused refunds. */
    public RefundSchedule refundSchedule() {
        return new RefundSchedule(refundRetry.initialDelay(), refundRetry.maxDelay(), refundAttentionAfter);
    }
}
