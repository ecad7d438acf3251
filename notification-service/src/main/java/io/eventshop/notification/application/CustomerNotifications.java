package io.eventshop.notification.application;

import io.eventshop.notification.domain.Notification;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies a customer: sends the notification through the channel, stores it and publishes its CustomerNotified, all
 * in the transaction of the event that caused it (the inbox's, which drops a redelivered event before it gets here;
 * the notification's unique {@code event_id} backs it up). A failed send throws, so the event is retried; a send
 * followed by a failed commit is sent again on the retry (at least once, as with any side effect outside the
 * database).
 */
@Service
public class CustomerNotifications {

    private static final Logger log = LoggerFactory.getLogger(CustomerNotifications.class);

    private final Notifications notifications;
    private final NotificationChannel channel;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerNotifications(
            Notifications notifications, NotificationChannel channel, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.channel = channel;
        this.events = events;
        this.clock = clock;
    }

    /** Tells the customer {@code message}, caused by the event {@code eventId}. */
    @Transactional
    public void notify(CustomerMessage message, UUID eventId) {
        var notification = Notification.about(
                eventId, message.orderId(), message.customerId(), message.type(), message.priority(), message.text());
        channel.send(notification);
        notification.sent(clock.instant());
        notifications.add(notification);
        notification.releaseEvents().forEach(events::publishEvent);
        // The channel tells each notification already; this line, with its type, is for debugging.
        log.debug(
                "Notified customer {} ({} {}): {}",
                notification.customerId(),
                notification.priority(),
                notification.type(),
                notification.message());
    }
}
