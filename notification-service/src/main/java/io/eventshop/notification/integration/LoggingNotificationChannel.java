package io.eventshop.notification.integration;

import io.eventshop.notification.application.NotificationChannel;
import io.eventshop.notification.domain.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each notification to the log: the channel when no mail server is configured. */
final class LoggingNotificationChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

    @Override
    public void send(Notification notification) {
        log.info("[to {}] {}", notification.customerId(), notification.message());
    }
}
