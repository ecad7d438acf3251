package io.eventshop.payment.domain;

/** Where a payment stands. */
public enum PaymentStatus {
    /** The provider authorized the amount. */
    AUTHORIZED,
    /** The provider declined, or the order was cancelled before it was placed: nothing was charged. */
    DECLINED,
    /** A refund was requested and the provider has not accepted it yet: it is being retried. */
    REFUND_PENDING,
    /** The amount was given back. */
    REFUNDED
}
