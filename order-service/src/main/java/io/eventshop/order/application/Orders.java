package io.eventshop.order.application;

import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where orders are kept. */
public interface Orders {

    void add(Order order);

    /** Stores the order's new state; it must have been read with {@link #lock}. */
    void update(Order order);

    Optional<Order> find(OrderId id);

    /**
     * Reads the order and locks it until the transaction ends, so that an event handler, a customer's cancellation
     * and the deadline job change one order one after the other.
     */
    Optional<Order> lock(OrderId id);

    /** A page of orders, newest first, optionally of one customer and in one status. */
    OrderPage search(@Nullable String customerId, @Nullable OrderStatus status, int page, int size);

    /** PENDING orders placed before {@code placedBefore}, with no cancellation requested and no shipment scheduled. */
    List<OrderId> overdue(Instant placedBefore, int limit);

    /** One page of a search. */
    record OrderPage(List<Order> orders, int page, int size, long totalElements) {}
}
