package io.eventshop.notification.domain;

/**
 * What happened to a notification, as the {@link Notification} registers it ({@link Notification#releaseEvents()}).
 * A domain event, in the domain's own types; the messaging package's {@code NotificationEventMapper} turns it into the
 * shared contract of the same name and adds it to the outbox, in the transaction that stored the notification.
 */
public sealed interface NotificationEvent permits CustomerNotified {

    NotificationId notificationId();
}
