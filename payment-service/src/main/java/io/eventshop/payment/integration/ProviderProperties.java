package io.eventshop.payment.integration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated payment provider, under {@code eventshop.payment.provider}. The time limit, circuit breaker and retry
 * around it are resilience4j's instances named {@code payment-provider}, under {@code resilience4j.*}.
 *
 * @param latency how long each call to the simulated provider takes
 * @param failureRate the share of simulated calls that fail with a transient error, from 0 to 1
 * @param timeoutRate the share of simulated calls that hang until the time limit cancels them, from 0 to 1
 * @param refundRefusals how many times the simulated provider refuses the refunds of a {@code tok_refund_refused} card
 *     before it accepts one
 */
@Validated
@ConfigurationProperties("eventshop.payment.provider")
public record ProviderProperties(
        @NotNull @DefaultValue("50ms") Duration latency,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double failureRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double timeoutRate,
        @Min(0) @DefaultValue("3") int refundRefusals) {}
