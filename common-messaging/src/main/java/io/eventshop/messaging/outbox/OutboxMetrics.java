package io.eventshop.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's meters: {@code eventshop.outbox.pending} (events not yet on every destination),
 * {@code eventshop.outbox.oldest.age} (seconds since the oldest of them was written),
 * {@code eventshop.outbox.published} and {@code eventshop.outbox.failures} (per {@code destination}), and
 * {@code eventshop.outbox.lag} (per {@code destination}: from an event's row being written to its publication, which
 * is what the relay adds to a message's way from one service to the next).
 *
 * <p>The gauges show the backlog as the relay last saw it, so that a scrape never queries the database.
 */
final class OutboxMetrics {

    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestCreatedAtMillis = new AtomicLong(-1);
    private final Map<Destination, Counter> published = new EnumMap<>(Destination.class);
    private final Map<Destination, Counter> failures = new EnumMap<>(Destination.class);
    private final Map<Destination, Timer> lag = new EnumMap<>(Destination.class);

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
            lag.put(
                    destination,
                    Timer.builder("eventshop.outbox.lag")
                            .description("Time from an outbox event's row being written to its publication")
                            .tag("destination", destination.tag())
                            .register(registry));
        }
    }

    void backlog(OutboxRepository.Backlog backlog) {
        pending.set(backlog.pending());
        oldestCreatedAtMillis.set(
                backlog.oldestCreatedAt().map(instant -> instant.toEpochMilli()).orElse(-1L));
    }

    /** Counts the events published to {@code destination}, with how long after its row was written each one was. */
    void published(Destination destination, List<Duration> lags) {
        published.get(destination).increment(lags.size());
        Timer timer = lag.get(destination);
        lags.forEach(timer::record);
    }

    void failed(Destination destination, int count) {
        failures.get(destination).increment(count);
    }

    private double oldestAgeSeconds() {
        long oldest = oldestCreatedAtMillis.get();
        return oldest < 0 ? 0 : Duration.ofMillis(clock.millis() - oldest).toMillis() / 1000.0;
    }
}
