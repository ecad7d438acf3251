package io.eventshop.shipping.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated carrier, under {@code eventshop.shipping.carrier}. The retry, circuit breaker and time limit around it
 * are resilience4j's instances named {@code carrier}.
 *
 * @param name the carrier's name, shown on shipments and in ShipmentScheduled
 * @param latency how long each booking takes
 * @param undeliverableCountries the ISO 3166 alpha-2 codes of the countries the carrier cannot deliver to
 */
@Validated
@ConfigurationProperties("eventshop.shipping.carrier")
public record CarrierProperties(
        @NotBlank @DefaultValue("SIM") String name,
        @NotNull @DefaultValue("100ms") Duration latency,
        @NotNull @DefaultValue("AQ") Set<String> undeliverableCountries) {}
