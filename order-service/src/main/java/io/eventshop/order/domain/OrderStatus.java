package io.eventshop.order.domain;

/** Where an order stands, as the customer and the operators see it. */
public enum OrderStatus {
    /** The saga runs: payment, stock and shipment are not all settled yet. */
    PENDING,
    /** Paid, reserved and scheduled for shipment. An end state. */
    CONFIRMED,
    /** Every step that happened was compensated. An end state. */
    CANCELLED,
    /** A compensation cannot finish yet (a refund keeps failing): an operator should look. */
    NEEDS_ATTENTION;

    public boolean isFinal() {
        return this == CONFIRMED || this == CANCELLED;
    }
}
