package io.eventshop.inventory.reservation.application;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.inventory.ReservedLine;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.inventory.catalog.domain.Product;
import io.eventshop.inventory.catalog.domain.Products;
import io.eventshop.inventory.catalog.domain.Sku;
import io.eventshop.inventory.reservation.domain.Reservation;
import io.eventshop.inventory.reservation.domain.ReservationAttempt;
import io.eventshop.inventory.reservation.domain.ReservationLine;
import io.eventshop.inventory.reservation.domain.ReservationStatus;
import io.eventshop.inventory.reservation.domain.Reservations;
import io.eventshop.messaging.outbox.Outbox;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * inventory-service's part of the order saga, one method per event (docs/saga.md). Each runs in the transaction of
 * the inbox, so the stock change, the reservation and the outgoing event commit together, once per event.
 */
@Service
@Transactional
public class StockReservations {

    static final String ORDER_CANCELLED = "order cancelled";
    static final String INSUFFICIENT_STOCK = "insufficient stock";

    private final OrderRequests orderRequests;
    private final OrderTombstones tombstones;
    private final Reservations reservations;
    private final Products products;
    private final Outbox outbox;

    StockReservations(
            OrderRequests orderRequests,
            OrderTombstones tombstones,
            Reservations reservations,
            Products products,
            Outbox outbox) {
        this.orderRequests = orderRequests;
        this.tombstones = tombstones;
        this.reservations = reservations;
        this.products = products;
        this.outbox = outbox;
    }

    /** OrderPlaced: remember the lines and the address until the payment is authorized. */
    public void remember(OrderPlaced event) {
        orderRequests.addIfAbsent(OrderRequest.of(event));
    }

    /**
     * PaymentAuthorized: reserve every line of the order, or none. An order cancelled before is not reserved, and an
     * order reserved before is not reserved again.
     *
     * @throws IllegalStateException if the order's OrderPlaced was never received, so the message is retried and then
     *     dead-lettered rather than lost
     */
    public void reserve(PaymentAuthorized event, EventEnvelope cause) {
        UUID orderId = event.orderId();
        if (tombstones.exists(orderId)) {
            outbox.addCausedBy(cause, new StockReservationFailed(orderId, ORDER_CANCELLED, List.of()));
            return;
        }
        if (reservations.existsForOrder(orderId)) {
            return;
        }
        OrderRequest order = orderRequests
                .find(orderId)
                .orElseThrow(() -> new IllegalStateException(
                        "cannot reserve stock for order " + orderId + ": its OrderPlaced was never received"));
        Map<Sku, Product> locked =
                lock(order.lines().stream().map(ReservationLine::sku).toList());
        switch (Reservation.reserve(orderId, order.lines(), locked)) {
            case ReservationAttempt.Reserved(Reservation reservation) -> {
                products.save(locked.values());
                reservations.add(reservation);
                outbox.addCausedBy(cause, stockReserved(order, reservation));
            }
            case ReservationAttempt.Rejected(List<Sku> unavailable) -> {
                List<String> skus = unavailable.stream().map(Sku::value).toList();
                outbox.addCausedBy(
                        cause,
                        new StockReservationFailed(
                                orderId, INSUFFICIENT_STOCK + " of " + String.join(", ", skus), skus));
            }
        }
    }

    /**
     * ShipmentFailed or OrderCancellationRequested: release the order's active reservation. With nothing reserved
     * yet, leave a tombstone, so that a later PaymentAuthorized does not reserve.
     */
    public void release(UUID orderId, String reason, EventEnvelope cause) {
        var found = reservations.lockByOrder(orderId);
        if (found.isEmpty()) {
            tombstones.addIfAbsent(orderId, reason);
            return;
        }
        Reservation reservation = found.get();
        if (!reservation.isActive()) {
            return;
        }
        Map<Sku, Product> locked = lock(reservation.skus());
        reservation.release(locked);
        products.save(locked.values());
        reservations.save(reservation);
        outbox.addCausedBy(cause, new StockReleased(orderId, reservation.id().value(), reason));
    }

    /**
     * OrderConfirmed: the goods left, so the order's reservation is committed.
     *
     * @throws IllegalStateException if the order has no reservation, or a released one: the saga allows neither, so
     *     the message ends in the dead-letter queue for an operator
     */
    public void commit(OrderConfirmed event) {
        Reservation reservation = reservations
                .lockByOrder(event.orderId())
                .orElseThrow(() ->
                        new IllegalStateException("order " + event.orderId() + " was confirmed without a reservation"));
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

    private static StockReserved stockReserved(OrderRequest order, Reservation reservation) {
        return new StockReserved(
                order.orderId(),
                reservation.id().value(),
                order.customerId(),
                reservation.lines().stream()
                        .map(line -> new ReservedLine(line.sku().value(), line.quantity()))
                        .toList(),
                order.address());
    }
}
