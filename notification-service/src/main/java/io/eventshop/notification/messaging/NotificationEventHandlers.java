package io.eventshop.notification.messaging;

import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.notification.application.CustomerMessage;
import io.eventshop.notification.application.CustomerNotifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events the EventBridge rules route to {@code notification-service-events} (docs/saga.md): the customer-facing
 * outcomes (rule customer-outcomes) and high-value orders (rule high-value-orders). The listener unwraps the
 * EventBridge event to its envelope, and the inbox drops an event that arrives twice.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEventHandlers {

    @Bean
    EventHandlers eventHandlers(CustomerNotifications notifications) {
        return new EventHandlers()
                .on(
                        OrderConfirmed.class,
                        (event, envelope) -> notifications.notify(CustomerMessage.of(event), envelope.eventId()))
                .on(
                        OrderCancelled.class,
                        (event, envelope) -> notifications.notify(CustomerMessage.of(event), envelope.eventId()))
                .on(
                        ShipmentScheduled.class,
                        (event, envelope) -> notifications.notify(CustomerMessage.of(event), envelope.eventId()))
                .on(
                        PaymentDeclined.class,
                        (event, envelope) -> notifications.notify(CustomerMessage.of(event), envelope.eventId()))
                .on(
                        OrderPlaced.class,
                        (event, envelope) -> notifications.notify(CustomerMessage.of(event), envelope.eventId()));
    }
}
