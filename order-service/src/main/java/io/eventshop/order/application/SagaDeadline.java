package io.eventshop.order.application;

import io.eventshop.order.application.Orders.PendingOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The saga's deadline: an order that {@linkplain io.eventshop.order.domain.Order#isOverdue is overdue} (still PENDING
 * after {@code eventshop.order.saga-deadline}, not being cancelled, no shipment scheduled) has its cancellation
 * requested with the reason {@value #REASON}.
 *
 * <p>Each run goes through the PENDING orders placed before the deadline, oldest first, a batch at a time; the query
 * only preselects them, and the order decides. Each order is cancelled in a transaction of its own, which reads it and
 * decides again. If a late outcome changes the order at the same moment, one of the two fails on the order's version:
 * when it is the job's, the next run decides again.
 *
 * <p>The number of orders that a pass goes through, all still PENDING past the deadline, is the gauge
 * {@code eventshop.saga.overdue} ({@link OrderMetrics}): the pass reads them anyway, so the gauge costs no query.
 */
@Component
public class SagaDeadline {

    /** The reason of a cancellation that the deadline requested. */
    public static final String REASON = "deadline exceeded";

    private static final Logger log = LoggerFactory.getLogger(SagaDeadline.class);

    private static final int BATCH = 100;

    private final Orders orders;
    private final OrderService service;
    private final OrderProperties properties;
    private final Clock clock;
    private final OrderMetrics metrics;

    SagaDeadline(Orders orders, OrderService service, OrderProperties properties, Clock clock, OrderMetrics metrics) {
        this.orders = orders;
        this.service = service;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Requests the cancellation of the overdue orders; returns how many. */
    public int cancelOverdueOrders() {
        Duration deadline = properties.sagaDeadline();
        Instant placedBefore = clock.instant().minus(deadline);
        int cancelled = 0;
        long pending = 0;
        @Nullable PendingOrder after = null;
        List<PendingOrder> batch;
        do {
            batch = orders.pendingPlacedBefore(placedBefore, after, BATCH);
            pending += batch.size();
            for (PendingOrder candidate : batch) {
                if (cancelIfOverdue(candidate, deadline)) {
                    cancelled++;
                }
            }
            after = batch.isEmpty() ? after : batch.getLast();
        } while (batch.size() == BATCH);
        metrics.overdue(pending);
        return cancelled;
    }

    private boolean cancelIfOverdue(PendingOrder candidate, Duration deadline) {
        try {
            return service.cancelIfOverdue(candidate.id(), deadline);
        } catch (OptimisticLockingFailureException e) {
            log.info("Order {} changed while its deadline was checked; the next run checks it again", candidate.id());
            return false;
        }
    }
}
