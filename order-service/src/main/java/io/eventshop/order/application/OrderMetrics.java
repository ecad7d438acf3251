package io.eventshop.order.application;

import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * order-service's meters:
 *
 * <ul>
 *   <li>{@code eventshop.orders.outcomes}, tagged by {@code status}: the orders that reached CONFIRMED, CANCELLED or
 *       NEEDS_ATTENTION;
 *   <li>{@code eventshop.saga.duration}, tagged by {@code outcome} ({@code confirmed} or {@code cancelled}): a timer
 *       from an order's placement (its {@code createdAt}) to the commit that made it CONFIRMED or CANCELLED, recorded
 *       once per order, with histogram buckets (Prometheus {@code eventshop_saga_duration_seconds_bucket}) for the
 *       percentiles; an order that passes through NEEDS_ATTENTION counts when it is finally CANCELLED;
 *   <li>{@code eventshop.saga.overdue}: the orders still PENDING past the saga deadline, as the deadline job
 *       ({@link SagaDeadline}) counted them on its latest pass, so every {@code eventshop.order.deadline-check-interval}
 *       at no cost of its own. Their cancellation may have been requested already: an order stays here until its
 *       compensations end it, so a number that stays above 0 means sagas that are stuck.
 * </ul>
 *
 * Everything counts once its transaction has committed.
 */
@Component
class OrderMetrics {

    /** The duration histogram's buckets, around the default saga deadline of 5 minutes; the deadline is one more. */
    private static final List<Duration> BUCKETS = List.of(
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30));

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<OrderStatus, Timer> durations = new EnumMap<>(OrderStatus.class);
    private final AtomicLong overdue = new AtomicLong();

    OrderMetrics(MeterRegistry registry, Clock clock, OrderProperties properties) {
        this.registry = registry;
        this.clock = clock;
        var buckets = new TreeSet<>(BUCKETS);
        buckets.add(properties.sagaDeadline());
        for (OrderStatus outcome : new OrderStatus[] {OrderStatus.CONFIRMED, OrderStatus.CANCELLED}) {
            durations.put(
                    outcome,
                    Timer.builder("eventshop.saga.duration")
                            .description("Time from an order's placement to its saga's end")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .serviceLevelObjectives(buckets.toArray(Duration[]::new))
                            .register(registry));
        }
        Gauge.builder("eventshop.saga.overdue", overdue, AtomicLong::get)
                .description("Orders still PENDING past the saga deadline, at the deadline job's latest pass")
                .register(registry);
    }

    /**
     * Counts the order's new status once the transaction that moved it there commits, and if the saga ended, how long
     * it took.
     */
    void reached(Order order) {
        Counter counter = Counter.builder("eventshop.orders.outcomes")
                .description("Orders that reached CONFIRMED, CANCELLED or NEEDS_ATTENTION")
                .tag("status", order.status().name())
                .register(registry);
        Timer duration = durations.get(order.status());
        var placedAt = order.createdAt();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
                if (duration != null) {
                    Duration took = Duration.between(placedAt, clock.instant());
                    duration.record(took.isNegative() ? Duration.ZERO : took);
                }
            }
        });
    }

    /** The deadline job counted {@code count} PENDING orders placed before the deadline. */
    void overdue(long count) {
        overdue.set(count);
    }
}
