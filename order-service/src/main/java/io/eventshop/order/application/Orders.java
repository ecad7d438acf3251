package io.eventshop.order.application;

import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where orders are kept (the port; persistence's {@code JpaOrders} implements it). Every order it returns has its
 * lines and its saga's history loaded, so that it can be read after the transaction.
 *
 * <p>Concurrent changes are optimistic: an event handler, a customer's cancellation and the deadline job may each read
 * the same order and change it, and of two that do, the one that commits second fails with Spring's
 * {@link org.springframework.dao.OptimisticLockingFailureException}, its outbox events with it, and is done again.
 */
public interface Orders {

    /** Stores a new order, or the changes of one that was read in this transaction. */
    void save(Order order);

    Optional<Order> find(OrderId id);

    /** A page of orders, newest first, optionally of one customer and in one status: one or two queries. */
    OrderPage search(@Nullable String customerId, @Nullable OrderStatus status, int page, int size);

    /**
     * The candidates of the saga's deadline: PENDING orders placed before {@code placedBefore}, oldest first, and
     * after {@code after} in that order ({@code null} for the first page). A cheap preselection by two indexed
     * columns; {@link Order#isOverdue} decides.
     */
    List<PendingOrder> pendingPlacedBefore(Instant placedBefore, @Nullable PendingOrder after, int limit);

    /** One page of a search. */
    record OrderPage(List<Order> orders, int page, int size, long totalElements) {}

    /** A PENDING order and when it was placed: the position of the deadline job in its pass over them. */
    record PendingOrder(OrderId id, Instant placedAt) {}
}
