package io.eventshop.payment.messaging;

import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.payment.domain.PaymentAuthorized;
import io.eventshop.payment.domain.PaymentDeclined;
import io.eventshop.payment.domain.PaymentEvent;
import io.eventshop.payment.domain.PaymentRefundFailed;
import io.eventshop.payment.domain.PaymentRefunded;
import io.eventshop.payment.domain.RefundRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where payment-service's domain events become the shared contracts of
 * {@code io.eventshop.events.payment} and go to the outbox. Spring calls {@link #on} synchronously, in the thread and
 * the transaction of the application service that published the event, so the outbox row commits with the payment or
 * not at all.
 *
 * <p>An authorization's outcome is caused by the OrderPlaced being handled: {@link Outbox#add} takes its correlation
 * and causation ids. A refund's outcome may come from the retry job, long after the compensating event was handled, so
 * it carries that event's ids, which the refund remembered.
 */
@Component
class PaymentEventMapper {

    private final Outbox outbox;

    PaymentEventMapper(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PaymentEvent event) {
        switch (event) {
            case PaymentAuthorized authorized ->
                outbox.add(new io.eventshop.events.payment.PaymentAuthorized(
                        authorized.orderId().value(),
                        authorized.paymentId().value(),
                        authorized.customerId(),
                        authorized.amount().amount(),
                        authorized.amount().currency()));
            case PaymentDeclined declined ->
                outbox.add(new io.eventshop.events.payment.PaymentDeclined(
                        declined.orderId().value(),
                        declined.paymentId().value(),
                        declined.customerId(),
                        declined.amount().amount(),
                        declined.amount().currency(),
                        declined.reason()));
            case PaymentRefunded refunded ->
                outbox.add(
                        new io.eventshop.events.payment.PaymentRefunded(
                                refunded.orderId().value(),
                                refunded.paymentId().value(),
                                refunded.refundId().value(),
                                refunded.amount().amount(),
                                refunded.amount().currency(),
                                refunded.reason()),
                        refunded.correlationId(),
                        refunded.causationId());
            case PaymentRefundFailed failed ->
                outbox.add(
                        new io.eventshop.events.payment.PaymentRefundFailed(
                                failed.orderId().value(),
                                failed.paymentId().value(),
                                failed.amount().amount(),
                                failed.amount().currency(),
                                failed.reason(),
                                failed.attempts()),
                        failed.correlationId(),
                        failed.causationId());
            case RefundRequested requested -> {
                // Not published: the refund's outcome is (RefundRetryJob asks the provider once this commits).
            }
        }
    }
}
