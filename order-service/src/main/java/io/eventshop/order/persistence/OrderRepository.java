package io.eventshop.order.persistence;

import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The Spring Data JPA repository of the order aggregate. Every query that returns orders fetches their lines and
 * their saga's history in the same statement (both are indexed lists, so one join fetches both).
 */
interface OrderRepository extends JpaRepository<Order, OrderId> {

    @Query("select o from Order o left join fetch o.lines left join fetch o.saga.steps where o.id = :id")
    Optional<Order> findWithLinesAndSteps(OrderId id);

    @Query("select o from Order o left join fetch o.lines left join fetch o.saga.steps where o.id.value in :ids")
    List<Order> findAllWithLinesAndSteps(Collection<UUID> ids);

    /** One page of a search: the ids, newest first, each with the number of all matching orders (a window count). */
    @Query(nativeQuery = true, value = """
            select id, count(*) over () as total
              from customer_order
             where (cast(:customerId as text) is null or customer_id = :customerId)
               and (cast(:status as text) is null or status = :status)
             order by created_at desc, id
             limit :limit offset :offset
            """)
    List<PageRow> findPage(@Nullable String customerId, @Nullable String status, int limit, long offset);

    /** The number of orders a search matches: needed only for a page past the last one, which counts nothing. */
    @Query(nativeQuery = true, value = """
            select count(*)
              from customer_order
             where (cast(:customerId as text) is null or customer_id = :customerId)
               and (cast(:status as text) is null or status = :status)
            """)
    long countMatching(@Nullable String customerId, @Nullable String status);

    /** The first PENDING orders placed before {@code placedBefore}, oldest first (index customer_order_by_status). */
    @Query("""
            select o.id as id, o.createdAt as placedAt from Order o
             where o.status = io.eventshop.order.domain.OrderStatus.PENDING and o.createdAt < :placedBefore
             order by o.createdAt, o.id.value
            """)
    List<PendingRow> findPending(Instant placedBefore, Limit limit);

    /** The next PENDING orders placed before {@code placedBefore}, after the one placed at {@code afterPlacedAt}. */
    @Query("""
            select o.id as id, o.createdAt as placedAt from Order o
             where o.status = io.eventshop.order.domain.OrderStatus.PENDING and o.createdAt < :placedBefore
               and (o.createdAt > :afterPlacedAt or (o.createdAt = :afterPlacedAt and o.id.value > :afterId))
             order by o.createdAt, o.id.value
            """)
    List<PendingRow> findPendingAfter(Instant placedBefore, Instant afterPlacedAt, UUID afterId, Limit limit);

    /** A row of {@link #findPage}. */
    interface PageRow {

        UUID getId();

        long getTotal();
    }

    /** A row of {@link #findPending}. */
    interface PendingRow {

        OrderId getId();

        Instant getPlacedAt();
    }
}
