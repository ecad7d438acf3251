package io.eventshop.payment.domain;

import java.time.Instant;
import java.util.Optional;

/** The stored payments, one per order. */
public interface Payments {

    Optional<Payment> findById(PaymentId id);

    Optional<Payment> findByOrderId(OrderId orderId);

    /** The payment of {@code orderId}, locked until the transaction ends, so that its events are added in order. */
    Optional<Payment> lockByOrderId(OrderId orderId);

    /** A payment whose pending refund is due at {@code now}, locked; those locked by other transactions are skipped. */
    Optional<Payment> lockNextRefundDue(Instant now);

    /** Stores a new payment, or the changes of a stored one. */
    void save(Payment payment);
}
