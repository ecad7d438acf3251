package io.eventshop.payment.messaging;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.messaging.sealing.Sealer;
import io.eventshop.payment.application.PaymentAuthorization;
import io.eventshop.payment.application.PaymentRefunds;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.domain.OrderId;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What payment-service does with each event it receives (docs/saga.md): an OrderPlaced is paid for, and each of the
 * three compensating events refunds the payment, once. Every handler runs in the inbox's transaction, so a duplicate
 * is dropped, and a handler that throws has its message retried and then dead-lettered.
 *
 * <p>OrderPlaced carries the customer's payment token sealed by order-service for this order; it is opened here, at the
 * edge, and goes no further than the provider call. A token that does not open (sealed under another secret, or copied
 * from another order) can never be charged: its message goes to the dead-letter queue at once.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventHandlers {

    @Bean
    EventHandlers eventHandlers(PaymentAuthorization authorization, PaymentRefunds refunds, Sealer sealer) {
        return new EventHandlers()
                .on(
                        OrderPlaced.class,
                        (event, envelope) -> authorization.authorize(
                                new OrderId(event.orderId()),
                                event.customerId(),
                                new Money(event.totalAmount(), event.currency()),
                                sealer.open(
                                        event.sealedPaymentToken(),
                                        event.orderId().toString())))
                .on(
                        StockReservationFailed.class,
                        (event, envelope) -> compensate(
                                refunds, event.orderId(), "stock reservation failed: " + event.reason(), envelope))
                .on(
                        StockReleased.class,
                        (event, envelope) ->
                                compensate(refunds, event.orderId(), "stock released: " + event.reason(), envelope))
                .on(
                        OrderCancellationRequested.class,
                        (event, envelope) ->
                                compensate(refunds, event.orderId(), "order cancelled: " + event.reason(), envelope));
    }

    /** The refund remembers the event that asked for it, whose saga its later events join. */
    private static void compensate(PaymentRefunds refunds, UUID orderId, String reason, EventEnvelope cause) {
        refunds.compensate(new OrderId(orderId), reason, cause.correlationId(), cause.eventId());
    }
}
