package io.eventshop.payment.application;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.payment.domain.CancelledOrders;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentStatus;
import io.eventshop.payment.domain.Payments;
import io.eventshop.payment.provider.PaymentProvider;
import io.eventshop.payment.provider.PaymentProvider.Authorization;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays for a placed order: the provider authorizes the total (PaymentAuthorized) or declines it (PaymentDeclined). An
 * order cancelled before it arrived is declined without calling the provider.
 */
@Service
public class PaymentAuthorization {

    /** The decline reason of an order whose cancellation arrived first. */
    public static final String ORDER_CANCELLED = "order cancelled";

    private static final Logger log = LoggerFactory.getLogger(PaymentAuthorization.class);

    private final Payments payments;
    private final CancelledOrders cancelledOrders;
    private final PaymentProvider provider;
    private final Outbox outbox;
    private final Clock clock;

    PaymentAuthorization(
            Payments payments, CancelledOrders cancelledOrders, PaymentProvider provider, Outbox outbox, Clock clock) {
        this.payments = payments;
        this.cancelledOrders = cancelledOrders;
        this.provider = provider;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Authorizes the order's total, once per order.
     *
     * @throws io.eventshop.payment.provider.ProviderUnavailableException if the provider gave no answer: nothing is
     *     stored, and the event is handled again later (the provider's idempotency key keeps it from charging twice)
     */
    @Transactional
    public void authorize(OrderPlaced order, EventEnvelope cause) {
        var orderId = new OrderId(order.orderId());
        if (payments.findByOrderId(orderId).isPresent()) {
            log.info("Order {} already has a payment; ignoring OrderPlaced {}", orderId, cause.eventId());
            return;
        }
        var amount = new Money(order.totalAmount(), order.currency());
        Payment payment = cancelledOrders.contains(orderId)
                ? Payment.declined(orderId, order.customerId(), amount, ORDER_CANCELLED, clock.instant())
                : charge(order, orderId, amount);
        payments.save(payment);
        outbox.addCausedBy(cause, outcome(payment));
        log.info("Payment {} of order {}: {}", payment.id(), orderId, payment.status());
    }

    private Payment charge(OrderPlaced order, OrderId orderId, Money amount) {
        Authorization authorization = provider.authorize(orderId.toString(), order.paymentToken(), amount);
        return switch (authorization) {
            case Authorization.Approved approved ->
                Payment.authorized(orderId, order.customerId(), amount, approved.reference(), clock.instant());
            case Authorization.Declined declined ->
                Payment.declined(orderId, order.customerId(), amount, declined.reason(), clock.instant());
        };
    }

    private static IntegrationEvent outcome(Payment payment) {
        Money amount = payment.amount();
        if (payment.status() == PaymentStatus.AUTHORIZED) {
            return new PaymentAuthorized(
                    payment.orderId().value(),
                    payment.id().value(),
                    payment.customerId(),
                    amount.amount(),
                    amount.currency());
        }
        return new PaymentDeclined(
                payment.orderId().value(),
                payment.id().value(),
                payment.customerId(),
                amount.amount(),
                amount.currency(),
                payment.declineReason().orElseThrow());
    }
}
