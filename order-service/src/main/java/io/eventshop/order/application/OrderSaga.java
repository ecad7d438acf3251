package io.eventshop.order.application;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.payment.PaymentRefundFailed;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderStatus;
import java.time.Instant;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * order-service's part of the saga: it applies each outcome of payment, inventory and shipping to the order, saves it
 * and publishes the domain events that follow; the mapper adds them to the outbox, caused by the event handled (the
 * listener binds it with {@code Outbox.handling}). Each method runs in the inbox's transaction, so a redelivered event
 * is dropped before it gets here; the order's own state makes a late or repeated outcome a no-op. If the customer or
 * the deadline job changed the order at the same time, the commit fails on the order's version, and the event is
 * handled again when the queue delivers it again.
 */
@Service
public class OrderSaga {

    private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

    private final Orders orders;
    private final ApplicationEventPublisher events;
    private final OrderMetrics metrics;

    OrderSaga(Orders orders, ApplicationEventPublisher events, OrderMetrics metrics) {
        this.orders = orders;
        this.events = events;
        this.metrics = metrics;
    }

    @Transactional
    public void on(PaymentAuthorized event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.paymentAuthorized(at));
    }

    @Transactional
    public void on(PaymentDeclined event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.paymentDeclined(event.reason(), at));
    }

    @Transactional
    public void on(PaymentRefunded event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.paymentRefunded(at));
    }

    @Transactional
    public void on(PaymentRefundFailed event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.paymentRefundFailed(event.reason(), at));
    }

    @Transactional
    public void on(StockReserved event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.stockReserved(at));
    }

    @Transactional
    public void on(StockReservationFailed event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.stockReservationFailed(event.reason(), at));
    }

    @Transactional
    public void on(StockReleased event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.stockReleased(at));
    }

    @Transactional
    public void on(ShipmentScheduled event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.shipmentScheduled(at));
    }

    @Transactional
    public void on(ShipmentFailed event, EventEnvelope envelope) {
        react(envelope, (order, at) -> order.shipmentFailed(event.reason(), at));
    }

    /**
     * Applies the reaction to the order. An event for an order that does not exist is thrown back, so that it
     * is retried and then kept in the dead-letter queue, never dropped.
     */
    private void react(EventEnvelope envelope, BiPredicate<Order, Instant> reaction) {
        OrderId id = new OrderId(envelope.orderId());
        Order order = orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
        OrderStatus before = order.status();
        if (!reaction.test(order, envelope.occurredAt())) {
            log.info(
                    "{} {} no longer applies to order {} ({}, step {}): nothing to do",
                    envelope.eventType(),
                    envelope.eventId(),
                    id,
                    order.status(),
                    order.saga().step());
            return;
        }
        orders.save(order);
        order.releaseEvents().forEach(events::publishEvent);
        if (order.status() != before) {
            metrics.reached(order);
        }
    }
}
