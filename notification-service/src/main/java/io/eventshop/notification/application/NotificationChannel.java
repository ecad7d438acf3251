package io.eventshop.notification.application;

import io.eventshop.notification.domain.Notification;

/**
 * The port to a way of reaching a customer; the integration package implements it by mail, or by writing to the log
 * when no mail server is configured.
 */
public interface NotificationChannel {

    /**
     * Sends {@code notification} to its customer.
     *
     * @throws RuntimeException if it could not be sent: the event that caused it is retried
     */
    void send(Notification notification);
}
