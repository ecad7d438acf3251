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
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderNotFoundException;
import io.eventshop.order.domain.OrderStatus;
import java.time.Instant;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * order-service's part of the saga: it applies each outcome of payment, inventory and shipping to the order, and adds
 * the events that follow to the outbox, caused by the event handled. Each method runs in the inbox's transaction, so a
 * redelivered event is dropped before it gets here; the order's own state makes a late or repeated outcome a no-op.
 */
@Service
public class OrderSaga {

    private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

    private final Orders orders;
    private final Outbox outbox;
    private final OrderMetrics metrics;

    OrderSaga(Orders orders, Outbox outbox, OrderMetrics metrics) {
        this.orders = orders;
        this.outbox = outbox;
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
     * Applies the reaction to the locked order. An event for an order that does not exist is thrown back, so that it
     * is retried and then kept in the dead-letter queue, never dropped.
     */
    private void react(EventEnvelope envelope, BiPredicate<Order, Instant> reaction) {
        OrderId id = new OrderId(envelope.orderId());
        Order order = orders.lock(id).orElseThrow(() -> new OrderNotFoundException(id));
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
        orders.update(order);
        order.pullEvents().forEach(event -> outbox.addCausedBy(envelope, event));
        if (order.status() != before) {
            metrics.reached(order.status());
        }
    }
}
