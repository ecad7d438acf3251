package io.eventshop.shipping.shipment.application;

import java.util.UUID;

/**
 * Orders that were cancelled before shipping heard of them. A StockReserved that arrives later must not reach the
 * carrier: it is answered with ShipmentFailed "order cancelled".
 */
public interface ShipmentTombstones {

    /** Records the tombstone, unless the order has one already. */
    void addIfAbsent(UUID orderId, String reason);

    boolean exists(UUID orderId);
}
