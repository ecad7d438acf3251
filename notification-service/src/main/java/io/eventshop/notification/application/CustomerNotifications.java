package io.eventshop.notification.application;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.notification.CustomerNotified;
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.notification.channel.NotificationChannel;
import io.eventshop.notification.domain.Notification;
import io.eventshop.notification.domain.NotificationId;
import io.eventshop.notification.domain.Notifications;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies a customer: stores the notification, sends it through the channel and publishes CustomerNotified, all in
 * the transaction of the event that caused it. A failed send throws, so the event is retried; a send followed by a
 * failed commit is sent again on the retry (at least once, as with any side effect outside the database).
 */
@Service
public class CustomerNotifications {

    private static final Logger log = LoggerFactory.getLogger(CustomerNotifications.class);

    private final Notifications notifications;
    private final NotificationChannel channel;
    private final Outbox outbox;
    private final Clock clock;

    CustomerNotifications(Notifications notifications, NotificationChannel channel, Outbox outbox, Clock clock) {
        this.notifications = notifications;
        this.channel = channel;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void notify(CustomerMessage message, EventEnvelope cause) {
        var notification = new Notification(
                NotificationId.random(),
                cause.eventId(),
                message.orderId(),
                message.customerId(),
                message.type(),
                message.priority(),
                message.text(),
                clock.instant());
        if (!notifications.addIfNew(notification)) {
            log.info("Event {} was already notified; ignoring it", cause.eventId());
            return;
        }
        channel.send(notification);
        log.info(
                "Notified customer {} ({} {}): {}",
                notification.customerId(),
                notification.priority(),
                notification.type(),
                notification.message());
        outbox.addCausedBy(
                cause,
                new CustomerNotified(
                        notification.orderId(),
                        notification.customerId(),
                        notification.id().value(),
                        notification.type(),
                        notification.priority().name()));
    }
}
