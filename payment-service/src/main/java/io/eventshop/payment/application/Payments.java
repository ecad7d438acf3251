package io.eventshop.payment.application;

import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentId;
import java.time.Instant;
import java.util.Optional;

/** The stored payments, one per order, each with its refund. */
public interface Payments {

    Optional<Payment> findById(PaymentId id);

    Optional<Payment> findByOrderId(OrderId orderId);

    /**
     * The payment whose pending refund has been due longest at {@code now}, locked until the transaction ends; payments
     * that other transactions have locked are skipped, so that instances of the retry job never wait for each other.
     */
    Optional<Payment> lockNextRefundDue(Instant now);

    /** The payment {@code id} if its refund is pending and due at {@code now}, locked; empty if another holds it. */
    Optional<Payment> lockIfRefundDue(PaymentId id, Instant now);

    /** Stores a new payment, or the changes of a stored one. */
    void save(Payment payment);
}
