package io.eventshop.order.application;

import io.eventshop.order.domain.OrderId;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The saga's deadline: an order still PENDING after {@code eventshop.order.saga-deadline}, not being cancelled and
 * with no shipment scheduled, has its cancellation requested with the reason {@value #REASON}. Each order is cancelled
 * in a transaction of its own, which locks it and checks again, so a late outcome and the job never collide.
 */
@Component
public class SagaDeadline {

    /** The reason of a cancellation that the deadline requested. */
    public static final String REASON = "deadline exceeded";

    private static final int BATCH = 100;

    private final Orders orders;
    private final OrderService service;
    private final OrderProperties properties;
    private final Clock clock;

    SagaDeadline(Orders orders, OrderService service, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    /** Requests the cancellation of the overdue orders; returns how many. */
    public int cancelOverdueOrders() {
        Instant placedBefore = clock.instant().minus(properties.sagaDeadline());
        int cancelled = 0;
        for (OrderId id : orders.overdue(placedBefore, BATCH)) {
            if (service.cancelOverdue(id, placedBefore)) {
                cancelled++;
            }
        }
        return cancelled;
    }
}
