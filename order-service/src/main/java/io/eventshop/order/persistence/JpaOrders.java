package io.eventshop.order.persistence;

import io.eventshop.order.application.Orders;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderStatus;
import io.eventshop.order.persistence.OrderRepository.PageRow;
import io.eventshop.order.persistence.OrderRepository.PendingRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Repository;

/**
 * The orders, stored with Spring Data JPA on {@code customer_order}, {@code order_line} and {@code saga_step}. A
 * search is two statements whatever the page size: one for the page's ids and the total (a window count), one for
 * those orders with their lines and steps.
 */
@Repository
class JpaOrders implements Orders {

    private final OrderRepository repository;

    JpaOrders(OrderRepository repository) {
        this.repository = repository;
    }

    @Override
    public void save(Order order) {
        repository.save(order);
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return repository.findWithLinesAndSteps(id);
    }

    @Override
    public OrderPage search(@Nullable String customerId, @Nullable OrderStatus status, int page, int size) {
        String statusName = status == null ? null : status.name();
        List<PageRow> rows = repository.findPage(customerId, statusName, size, (long) page * size);
        if (rows.isEmpty()) {
            long total = page == 0 ? 0 : repository.countMatching(customerId, statusName);
            return new OrderPage(List.of(), page, size, total);
        }
        List<UUID> ids = rows.stream().map(PageRow::getId).toList();
        Map<UUID, Order> byId = repository.findAllWithLinesAndSteps(ids).stream()
                .collect(Collectors.toMap(order -> order.id().value(), Function.identity()));
        List<Order> orders =
                ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new OrderPage(orders, page, size, rows.getFirst().getTotal());
    }

    @Override
    public List<PendingOrder> pendingPlacedBefore(Instant placedBefore, @Nullable PendingOrder after, int limit) {
        List<PendingRow> rows = after == null
                ? repository.findPending(placedBefore, Limit.of(limit))
                : repository.findPendingAfter(
                        placedBefore, after.placedAt(), after.id().value(), Limit.of(limit));
        return rows.stream()
                .map(row -> new PendingOrder(row.getId(), row.getPlacedAt()))
                .toList();
    }
}
