package io.eventshop.inventory.application;

import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.OrderRequest;
import io.eventshop.inventory.domain.Product;
import io.eventshop.inventory.domain.Reservation;
import io.eventshop.inventory.domain.ReservationAttempt;
import io.eventshop.inventory.domain.ReservationEvent;
import io.eventshop.inventory.domain.ReservationEvent.StockReservationFailed;
import io.eventshop.inventory.domain.ReservationStatus;
import io.eventshop.inventory.domain.Sku;
import io.eventshop.messaging.tombstone.Tombstones;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * inventory-service's part of the order saga, one method per event (docs/saga.md). Each runs in the transaction of
 * the inbox, so the stock change, the reservation and the outgoing event commit together, once per event: the
 * reservation registers its events, this publishes them, and the messaging adapter adds them to the outbox.
 *
 * <p>The products of an order are locked in sku order before their stock changes: orders for the same product wait
 * for each other instead of failing, and two orders that share products never deadlock.
 */
@Service
@Transactional
public class StockReservations {

    private final OrderRequests orderRequests;
    private final Tombstones tombstones;
    private final Reservations reservations;
    private final Products products;
    private final ApplicationEventPublisher events;

    StockReservations(
            OrderRequests orderRequests,
            Tombstones tombstones,
            Reservations reservations,
            Products products,
            ApplicationEventPublisher events) {
        this.orderRequests = orderRequests;
        this.tombstones = tombstones;
        this.reservations = reservations;
        this.products = products;
        this.events = events;
    }

    /** OrderPlaced: remember the lines and the address until the payment is authorized. */
    public void remember(OrderRequest request) {
        orderRequests.addIfAbsent(request);
    }

    /**
     * PaymentAuthorized: reserve every line of the order, or none. An order cancelled before is not reserved, and an
     * order reserved before is not reserved again.
     *
     * @throws IllegalStateException if the order's OrderPlaced was never received, so the message is retried and then
     *     dead-lettered rather than lost
     */
    public void reserve(OrderId orderId) {
        if (tombstones.isBuried(orderId.value())) {
            events.publishEvent(StockReservationFailed.orderCancelled(orderId));
            return;
        }
        if (reservations.existsForOrder(orderId)) {
            return;
        }
        OrderRequest order = orderRequests
                .find(orderId)
                .orElseThrow(() -> new IllegalStateException(
                        "cannot reserve stock for order " + orderId + ": its OrderPlaced was never received"));
        Map<Sku, Product> locked = lock(order.skus());
        switch (Reservation.reserve(order, locked)) {
            case ReservationAttempt.Reserved(Reservation reservation) -> {
                products.save(locked.values());
                reservations.add(reservation);
                publish(reservation.releaseEvents());
            }
            case ReservationAttempt.Rejected(List<Sku> unavailable) ->
                events.publishEvent(StockReservationFailed.insufficientStock(orderId, unavailable));
        }
    }

    /**
     * ShipmentFailed or OrderCancellationRequested: release the order's active reservation. With nothing reserved
     * yet, bury the order, so that a later PaymentAuthorized does not reserve.
     */
    public void release(OrderId orderId, String reason) {
        var found = reservations.findByOrder(orderId);
        if (found.isEmpty()) {
            tombstones.bury(orderId.value(), reason);
            return;
        }
        Reservation reservation = found.get();
        if (!reservation.isActive()) {
            return;
        }
        Map<Sku, Product> locked = lock(reservation.skus());
        reservation.release(locked, reason);
        products.save(locked.values());
        reservations.save(reservation);
        publish(reservation.releaseEvents());
    }

    /**
     * OrderConfirmed: the goods left, so the order's reservation is committed.
     *
     * @throws IllegalStateException if the order has no reservation, or a released one: the saga allows neither, so
     *     the message ends in the dead-letter queue for an operator
     */
    public void commit(OrderId orderId) {
        Reservation reservation = reservations
                .findByOrder(orderId)
                .orElseThrow(
                        () -> new IllegalStateException("order " + orderId + " was confirmed without a reservation"));
        if (reservation.status() == ReservationStatus.COMMITTED) {
            return;
        }
        Map<Sku, Product> locked = lock(reservation.skus());
        reservation.commit(locked);
        products.save(locked.values());
        reservations.save(reservation);
    }

    private Map<Sku, Product> lock(Collection<Sku> skus) {
        return products.lockAll(skus).stream().collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    private void publish(List<ReservationEvent> raised) {
        raised.forEach(events::publishEvent);
    }
}
