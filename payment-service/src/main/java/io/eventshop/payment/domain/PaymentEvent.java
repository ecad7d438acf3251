package io.eventshop.payment.domain;

/**
 * What happened to a payment, as the {@link Payment} registers it ({@link Payment#releaseEvents()}). These are domain
 * events, in the domain's own types. The messaging package's {@code PaymentEventMapper} turns the four published ones
 * into the shared contracts of the same names and adds them to the outbox, in the transaction that saved the payment;
 * {@link RefundRequested} stays inside the service.
 */
public sealed interface PaymentEvent
        permits PaymentAuthorized, PaymentDeclined, RefundRequested, PaymentRefunded, PaymentRefundFailed {

    PaymentId paymentId();

    OrderId orderId();
}
