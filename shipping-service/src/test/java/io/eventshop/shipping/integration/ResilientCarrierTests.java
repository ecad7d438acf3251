package io.eventshop.shipping.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.shipping.application.Carrier;
import io.eventshop.shipping.application.CarrierBooking;
import io.eventshop.shipping.application.CarrierUnavailableException;
import io.eventshop.shipping.domain.Destination;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Parcel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientCarrierTests {

    private static final Destination BERLIN = new Destination("Ada", "1 Main St", "Berlin", "10115", "DE");
    private static final List<Parcel> PARCELS = List.of(new Parcel("SKU-1001", 1));

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void aCarrierThatFailsOnceIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        Carrier flaky = (orderId, destination, parcels) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("connection reset");
            }
            return new CarrierBooking.Booked("SIM", "SIM-1");
        };

        assertThat(guarded(flaky, Duration.ofSeconds(1)).schedule(anOrder(), BERLIN, PARCELS))
                .isEqualTo(new CarrierBooking.Booked("SIM", "SIM-1"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void aCarrierThatDoesNotAnswerInTimeIsUnavailable() {
        var slow = new SimulatedCarrier(new CarrierProperties("SIM", Duration.ofSeconds(5), Set.of("AQ")));

        assertThatThrownBy(() -> guarded(slow, Duration.ofMillis(50)).schedule(anOrder(), BERLIN, PARCELS))
                .isInstanceOf(CarrierUnavailableException.class);
    }

    @Test
    void theSimulatedCarrierAnswersARepeatedBookingWithTheFirst() {
        var carrier = new SimulatedCarrier(new CarrierProperties("SIM", Duration.ZERO, Set.of("AQ")));
        OrderId orderId = anOrder();

        assertThat(carrier.schedule(orderId, BERLIN, PARCELS)).isEqualTo(carrier.schedule(orderId, BERLIN, PARCELS));
    }

    private static OrderId anOrder() {
        return new OrderId(UUID.randomUUID());
    }

    private ResilientCarrier guarded(Carrier carrier, Duration timeout) {
        return new ResilientCarrier(
                carrier,
                Retry.of(
                        "carrier",
                        RetryConfig.custom()
                                .maxAttempts(2)
                                .waitDuration(Duration.ofMillis(10))
                                .build()),
                CircuitBreaker.ofDefaults("carrier"),
                TimeLimiter.of(
                        TimeLimiterConfig.custom().timeoutDuration(timeout).build()),
                executor);
    }
}
