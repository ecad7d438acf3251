package io.eventshop.notification.domain;

/** The notification was sent to its customer. */
public record CustomerNotified(
        NotificationId notificationId, OrderId orderId, String customerId, String type, Priority priority)
        implements NotificationEvent {}
