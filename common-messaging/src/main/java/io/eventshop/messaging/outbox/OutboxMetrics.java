package io.eventshop.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's meters: {@code eventshop.outbox.pending} (events not yet on every destination),
 * {@code eventshop.outbox.oldest.age} (seconds since the oldest of them was written),
 * {@code eventshop.outbox.published} and {@code eventshop.outbox.failures} (per {@code destination}).
 *
 * <p>The gauges show the backlog as the relay last saw it, so that a scrape never queries the database.
 */
final class OutboxMetrics {

    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestCreatedAtMillis = new AtomicLong(-1);
    private final Map<Destination, Counter> published = new EnumMap<>(Destination.class);
    private final Map<Destination, Counter> failures = new EnumMap<>(Destination.class);

    OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("eventshop.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet published to every destination")
                .register(registry);
        Gauge.builder("eventshop.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("Seconds since the oldest unpublished outbox event was written")
                .baseUnit("seconds")
                .register(registry);
        for (Destination destination : Destination.values()) {
            published.put(
                    destination,
                    Counter.builder("eventshop.outbox.published")
                            .description("Outbox events published")
                            .tag("destination", destination.tag())
                            .register(registry));
            failures.put(
                    destination,
                    Counter.builder("eventshop.outbox.failures")
                            .description("Failed attempts to publish an outbox event")
                            .tag("destination", destination.tag())
                            .register(registry));
        }
    }

    void backlog(OutboxRepository.Backlog backlog) {
        pending.set(backlog.pending());
        oldestCreatedAtMillis.set(
                backlog.oldestCreatedAt().map(instant -> instant.toEpochMilli()).orElse(-1L));
    }

    void published(Destination destination, int count) {
        published.get(destination).increment(count);
    }

    void failed(Destination destination, int count) {
        failures.get(destination).increment(count);
    }

    private double oldestAgeSeconds() {
        long oldest = oldestCreatedAtMillis.get();
        return oldest < 0 ? 0 : Duration.ofMillis(clock.millis() - oldest).toMillis() / 1000.0;
    }
}
