package io.eventshop.payment.application;

import io.eventshop.messaging.tombstone.Tombstones;
import io.eventshop.payment.application.PaymentProvider.Authorization;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays for a placed order: the provider authorizes the total (PaymentAuthorized) or declines it (PaymentDeclined). An
 * order cancelled before it arrived (a tombstone) is declined without calling the provider.
 */
@Service
public class PaymentAuthorization {

    /** The decline reason of an order whose cancellation arrived first. */
    public static final String ORDER_CANCELLED = "order cancelled";

    private static final Logger log = LoggerFactory.getLogger(PaymentAuthorization.class);

    private final Payments payments;
    private final Tombstones tombstones;
    private final PaymentProvider provider;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentAuthorization(
            Payments payments,
            Tombstones tombstones,
            PaymentProvider provider,
            ApplicationEventPublisher events,
            Clock clock) {
        this.payments = payments;
        this.tombstones = tombstones;
        this.provider = provider;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Authorizes the order's total, once per order, in the transaction of the OrderPlaced being handled (the inbox's).
     *
     * <p>That transaction spans the provider call, on purpose: the payment, its event and the inbox row of the
     * OrderPlaced must commit together, after the answer, so that a call that gets no answer leaves the event
     * unacknowledged, to be delivered again and finally dead-lettered, rather than acknowledged with no payment. It
     * holds no lock anyone else waits for meanwhile: the payment row is written only after the answer, the refund job
     * never touches an order without a payment, and the one row written before the call is the event's own inbox row,
     * which only a copy of the same event would wait for. A retry after a lost answer, a crash or a redelivery asks
     * again with the same idempotency key, the order id, so the order is charged at most once.
     *
     * @throws ProviderUnavailableException if the provider gave no answer: nothing is stored, and the event is handled
     *     again later
     */
    @Transactional
    public void authorize(OrderId orderId, String customerId, Money amount, String paymentToken) {
        if (payments.findByOrderId(orderId).isPresent()) {
            log.info("Order {} already has a payment; ignoring its OrderPlaced", orderId);
            return;
        }
        Payment payment = tombstones.isBuried(orderId.value())
                ? Payment.declined(orderId, customerId, amount, ORDER_CANCELLED, clock.instant())
                : charge(orderId, customerId, amount, paymentToken);
        payments.save(payment);
        payment.releaseEvents().forEach(events::publishEvent);
        // One line per order is too many at INFO; the outcome is in the payment, its event and the trace.
        log.debug("Payment {} of order {}: {}", payment.id(), orderId, payment.status());
    }

    private Payment charge(OrderId orderId, String customerId, Money amount, String paymentToken) {
        Authorization authorization = provider.authorize(orderId.toString(), paymentToken, amount);
        return switch (authorization) {
            case Authorization.Approved approved ->
                Payment.authorized(orderId, customerId, amount, approved.reference(), clock.instant());
            case Authorization.Declined declined ->
                Payment.declined(orderId, customerId, amount, declined.reason(), clock.instant());
        };
    }
}
