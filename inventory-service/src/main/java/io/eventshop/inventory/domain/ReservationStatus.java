package io.eventshop.inventory.domain;

/** Where a reservation is in its life. Only an ACTIVE reservation holds stock. */
public enum ReservationStatus {
    /** The stock is held for the order. */
    ACTIVE,
    /** The order was cancelled or could not ship: the stock is available again. */
    RELEASED,
    /** The order was confirmed: the stock left. */
    COMMITTED
}
