package io.eventshop.notification.channel;

import io.eventshop.notification.domain.Notification;

/** A way to reach a customer. */
public interface NotificationChannel {

    /**
     * Sends {@code notification} to its customer.
     *
     * @throws RuntimeException if it could not be sent: the event that caused it is retried
     */
    void send(Notification notification);
}
