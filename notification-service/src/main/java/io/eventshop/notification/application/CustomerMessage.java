package io.eventshop.notification.application;

import io.eventshop.events.EventTypes;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.notification.domain.OrderId;
import io.eventshop.notification.domain.Priority;
import java.math.BigDecimal;

/**
 * What to tell a customer about an event: one factory per event type that reaches this service. The type of the
 * notification is the type of the event.
 */
public record CustomerMessage(OrderId orderId, String customerId, String type, Priority priority, String text) {

    public static CustomerMessage of(OrderConfirmed event) {
        return normal(
                event,
                event.customerId(),
                "Your order %s is confirmed: %s."
                        .formatted(event.orderId(), money(event.totalAmount(), event.currency())));
    }

    public static CustomerMessage of(OrderCancelled event) {
        return normal(
                event,
                event.customerId(),
                "Your order %s was cancelled: %s.".formatted(event.orderId(), event.reason()));
    }

    public static CustomerMessage of(ShipmentScheduled event) {
        return normal(
                event,
                event.customerId(),
                "Your order %s is on its way with %s, tracking number %s."
                        .formatted(event.orderId(), event.carrier(), event.trackingNumber()));
    }

    public static CustomerMessage of(PaymentDeclined event) {
        return normal(
                event,
                event.customerId(),
                "The payment of %s for your order %s was declined: %s."
                        .formatted(money(event.amount(), event.currency()), event.orderId(), event.reason()));
    }

    /** Only the high-value orders reach this service (the rule high-value-orders), and each gets priority. */
    public static CustomerMessage of(OrderPlaced event) {
        return new CustomerMessage(
                new OrderId(event.orderId()),
                event.customerId(),
                EventTypes.nameOf(event),
                Priority.PRIORITY,
                "Thank you for your order %s of %s: it has our priority attention."
                        .formatted(event.orderId(), money(event.totalAmount(), event.currency())));
    }

    private static CustomerMessage normal(IntegrationEvent event, String customerId, String text) {
        return new CustomerMessage(
                new OrderId(event.orderId()), customerId, EventTypes.nameOf(event), Priority.NORMAL, text);
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }
}
