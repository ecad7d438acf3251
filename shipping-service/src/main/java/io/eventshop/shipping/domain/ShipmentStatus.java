package io.eventshop.shipping.domain;

/** Where a shipment is in its life. */
public enum ShipmentStatus {
    /** A carrier accepted it. */
    SCHEDULED,
    /** No carrier could take it, or its order was cancelled before it was scheduled. */
    FAILED,
    /** It was scheduled, and then its order was cancelled. */
    CANCELLED
}
