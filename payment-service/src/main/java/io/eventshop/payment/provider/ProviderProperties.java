package io.eventshop.payment.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The payment provider, under {@code eventshop.payment.provider}.
 *
 * @param latency how long each call to the simulated provider takes
 * @param failureRate the share of simulated calls that fail with a transient error, from 0 to 1
 * @param timeoutRate the share of simulated calls that hang until the time limit cancels them, from 0 to 1
 * @param refundRefusals how many times the simulated provider refuses the refunds of a {@code tok_refund_refused} card
 *     before it accepts one
 * @param resilience how calls are limited, retried and cut off
 */
@Validated
@ConfigurationProperties("eventshop.payment.provider")
public record ProviderProperties(
        @NotNull @DefaultValue("50ms") Duration latency,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double failureRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double timeoutRate,
        @Min(0) @DefaultValue("3") int refundRefusals,
        @Valid @DefaultValue Resilience resilience) {

    /**
     * The resilience4j settings of the calls to the provider.
     *
     * @param timeout how long one attempt may take before it is cancelled (TimeLimiter)
     * @param maxAttempts attempts per call, the first included, on transient failures only (Retry)
     * @param initialBackoff the wait before the second attempt; it doubles for every further one
     * @param maxBackoff the longest wait between two attempts
     * @param failureRateThreshold the percentage of failed calls that opens the circuit (CircuitBreaker)
     * @param slidingWindowSize how many recent calls the failure rate is computed over
     * @param minimumNumberOfCalls how many calls the window needs before the circuit may open
     * @param waitInOpenState how long the open circuit rejects calls before it lets trial calls through
     * @param permittedCallsInHalfOpenState how many trial calls decide whether the circuit closes again
     */
    public record Resilience(
            @NotNull @DefaultValue("2s") Duration timeout,
            @Min(1) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("200ms") Duration initialBackoff,
            @NotNull @DefaultValue("2s") Duration maxBackoff,
            @Min(1) @Max(100) @DefaultValue("50") float failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindowSize,
            @Min(1) @DefaultValue("10") int minimumNumberOfCalls,
            @NotNull @DefaultValue("30s") Duration waitInOpenState,
            @Min(1) @DefaultValue("3") int permittedCallsInHalfOpenState) {}
}
