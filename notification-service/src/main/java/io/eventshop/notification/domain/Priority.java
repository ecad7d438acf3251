package io.eventshop.notification.domain;

/** How urgently a notification is handled. */
public enum Priority {
    /** An ordinary update about an order. */
    NORMAL,
    /** A high-value order's confirmation: orders over the threshold, or from premium customers. */
    PRIORITY
}
