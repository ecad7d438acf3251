package io.eventshop.notification.messaging;

import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.notification.domain.CustomerNotified;
import io.eventshop.notification.domain.NotificationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where notification-service's domain events become the shared contracts of
 * {@code io.eventshop.events.notification} and go to the outbox. Spring calls {@link #on} synchronously, in the thread
 * and the transaction of the application service that published the event, so the outbox row commits with the
 * notification or not at all; {@link Outbox#add} makes it caused by the event being handled.
 */
@Component
class NotificationEventMapper {

    private final Outbox outbox;

    NotificationEventMapper(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(NotificationEvent event) {
        switch (event) {
            case CustomerNotified notified ->
                outbox.add(new io.eventshop.events.notification.CustomerNotified(
                        notified.orderId().value(),
                        notified.customerId(),
                        notified.notificationId().value(),
                        notified.type(),
                        notified.priority().name()));
        }
    }
}
