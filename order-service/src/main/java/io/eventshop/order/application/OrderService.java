package io.eventshop.order.application;

import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.order.catalog.PriceReplica;
import io.eventshop.order.catalog.ProductPrice;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderLine;
import io.eventshop.order.domain.OrderNotFoundException;
import io.eventshop.order.domain.OrderStatus;
import io.eventshop.order.domain.Sku;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the REST API and of the deadline job: place an order, cancel it, read it. Each change commits with
 * its events in the outbox; the correlationId of an order's saga is the order's id.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final Orders orders;
    private final PriceReplica prices;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Clock clock;

    OrderService(Orders orders, PriceReplica prices, IdempotencyKeys idempotencyKeys, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.prices = prices;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The order that a request placed, and whether it was placed by an earlier request with the same key. */
    public record Placement(Order order, boolean replayed) {}

    /**
     * Prices the order from the replica, stores it PENDING and adds OrderPlaced to the outbox. With an idempotency key,
     * a request that repeats an earlier one returns the earlier order and places nothing.
     *
     * @throws UnknownSkusException if a sku has no price in the replica
     * @throws MixedCurrenciesException if the skus are priced in different currencies
     * @throws IdempotencyKeyReusedException if the key was used for a different request
     */
    @Transactional
    public Placement place(PlaceOrder command, @Nullable String idempotencyKey) {
        OrderId id = OrderId.newId();
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.claim(idempotencyKey, command.fingerprint(), id);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(command.fingerprint())) {
                    throw new IdempotencyKeyReusedException(idempotencyKey);
                }
                return new Placement(find(earlier.get().orderId()), true);
            }
        }
        Order order = Order.place(
                id,
                command.customerId(),
                price(command.items()),
                command.paymentToken(),
                command.shippingAddress(),
                clock.instant());
        orders.add(order);
        order.pullEvents().forEach(event -> outbox.add(event, id.value(), null));
        return new Placement(order, false);
    }

    private List<OrderLine> price(List<PlaceOrder.Item> items) {
        Map<Sku, ProductPrice> known =
                prices.pricesOf(items.stream().map(PlaceOrder.Item::sku).toList());
        List<Sku> unknown = items.stream()
                .map(PlaceOrder.Item::sku)
                .filter(sku -> !known.containsKey(sku))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSkusException(unknown);
        }
        Set<String> currencies = new TreeSet<>();
        known.values().forEach(price -> currencies.add(price.price().currency()));
        if (currencies.size() > 1) {
            throw new MixedCurrenciesException(currencies);
        }
        return items.stream()
                .map(item -> new OrderLine(
                        item.sku(), item.quantity(), known.get(item.sku()).price()))
                .toList();
    }

    /**
     * Requests the cancellation of the order and adds OrderCancellationRequested to the outbox; the order ends
     * CANCELLED when payment reports the refund (or the decline). Asking again while it is under way changes nothing.
     *
     * @throws OrderNotFoundException if there is no such order
     * @throws io.eventshop.order.domain.OrderCannotBeCancelledException if it is past cancelling
     */
    @Transactional
    public Order cancel(OrderId id, String reason) {
        Order order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
        if (order.requestCancellation(reason, clock.instant())) {
            orders.update(order);
            order.pullEvents().forEach(event -> outbox.add(event, id.value(), null));
        }
        return order;
    }

    /**
     * Requests the cancellation of an order whose saga passed its deadline, unless it moved on since it was found.
     *
     * @return whether the cancellation was requested
     */
    @Transactional
    public boolean cancelOverdue(OrderId id, Instant placedBefore) {
        Order order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
        boolean overdue = order.status() == OrderStatus.PENDING
                && !order.isCancelling()
                && !order.isShipmentScheduled()
                && order.createdAt().isBefore(placedBefore);
        if (!overdue) {
            return false;
        }
        log.info(
                "Order {} passed its saga deadline at step {}: requesting its cancellation",
                id,
                order.saga().step());
        cancel(id, SagaDeadline.REASON);
        return true;
    }

    @Transactional(readOnly = true)
    public Order find(OrderId id) {
        return orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Orders.OrderPage search(@Nullable String customerId, @Nullable OrderStatus status, int page, int size) {
        return orders.search(customerId, status, page, size);
    }
}
