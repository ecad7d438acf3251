package io.eventshop.order.application;

import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderLine;
import io.eventshop.order.domain.OrderStatus;
import io.eventshop.order.domain.ProductPrice;
import io.eventshop.order.domain.Sku;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of the REST API and of the deadline job: place an order, cancel it, read it. Each change saves the
 * order and publishes the domain events it registered; the messaging package's mapper adds them to the outbox in the
 * same transaction, so they commit together. The correlationId of an order's saga is the order's id.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    /** How often a customer's cancellation is decided before a conflict with the saga is answered as one. */
    static final int CANCELLATION_ATTEMPTS = 3;

    private final Orders orders;
    private final PriceReplica prices;
    private final IdempotencyKeys idempotencyKeys;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OrderService(
            Orders orders,
            PriceReplica prices,
            IdempotencyKeys idempotencyKeys,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock) {
        this.orders = orders;
        this.prices = prices;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The order that a request placed, and whether it was placed by an earlier request with the same key. */
    public record Placement(Order order, boolean replayed) {}

    /**
     * Prices the order from the replica, stores it PENDING and publishes OrderPlaced. With an idempotency key, a
     * request that repeats an earlier one returns the earlier order and places nothing.
     *
     * @throws UnknownSkusException if a sku has no price in the replica
     * @throws MixedCurrenciesException if the skus are priced in different currencies
     * @throws IdempotencyKeyReusedException if the key was used for a different request
     */
    @Transactional
    public Placement place(PlaceOrder command, @Nullable String idempotencyKey) {
        OrderId id = OrderId.newId();
        if (idempotencyKey != null) {
            String fingerprint = command.fingerprint();
            Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.claim(idempotencyKey, fingerprint, id);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
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
        save(order);
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
     * Requests the cancellation of the order and publishes OrderCancellationRequested; the order ends CANCELLED when
     * payment reports the refund (or the decline). Asking again while it is under way changes nothing.
     *
     * <p>Each attempt is a transaction of its own. When the saga changed the order in the meantime, the attempt fails
     * on the order's version and the request is decided again on the order as it is now, up to
     * {@value #CANCELLATION_ATTEMPTS} times.
     *
     * @throws OrderNotFoundException if there is no such order
     * @throws io.eventshop.order.domain.OrderCannotBeCancelledException if it is past cancelling
     * @throws OptimisticLockingFailureException if the saga changed the order during every attempt
     */
    public Order cancel(OrderId id, String reason) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transaction.execute(status -> requestCancellation(id, reason)));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == CANCELLATION_ATTEMPTS) {
                    throw e;
                }
                log.info("Order {} changed while its cancellation was requested; deciding again", id);
            }
        }
    }

    private Order requestCancellation(OrderId id, String reason) {
        Order order = find(id);
        if (order.requestCancellation(reason, clock.instant())) {
            save(order);
        }
        return order;
    }

    /**
     * Requests the cancellation of the order if its saga passed {@code deadline} ({@link Order#isOverdue}), with the
     * reason {@value SagaDeadline#REASON}. The order may have moved on since the deadline job found it: it decides
     * again here, on the order as it is now.
     *
     * @return whether the cancellation was requested
     */
    @Transactional
    public boolean cancelIfOverdue(OrderId id, Duration deadline) {
        Order order = find(id);
        if (!order.isOverdue(clock.instant(), deadline)) {
            return false;
        }
        log.info(
                "Order {} passed its saga deadline at step {}: requesting its cancellation",
                id,
                order.saga().step());
        order.requestCancellation(SagaDeadline.REASON, clock.instant());
        save(order);
        return true;
    }

    /** Saves the order and publishes what it registered, for the mapper to add to the outbox in this transaction. */
    private void save(Order order) {
        orders.save(order);
        order.releaseEvents().forEach(events::publishEvent);
    }

    /** @throws OrderNotFoundException if there is no such order */
    @Transactional(readOnly = true)
    public Order find(OrderId id) {
        return orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Orders.OrderPage search(@Nullable String customerId, @Nullable OrderStatus status, int page, int size) {
        return orders.search(customerId, status, page, size);
    }
}
