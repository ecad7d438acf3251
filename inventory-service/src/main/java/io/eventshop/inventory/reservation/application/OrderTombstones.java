package io.eventshop.inventory.reservation.application;

import java.util.UUID;

/**
 * Orders that were cancelled before anything was reserved for them. A PaymentAuthorized that arrives later must not
 * reserve: it is answered with StockReservationFailed "order cancelled".
 */
public interface OrderTombstones {

    /** Records the tombstone, unless the order has one already. */
    void addIfAbsent(UUID orderId, String reason);

    boolean exists(UUID orderId);
}
