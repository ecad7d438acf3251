package io.eventshop.payment.persistence;

import io.eventshop.payment.application.Payments;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The payments, stored with Spring Data JPA on {@code payment}, each with its refund on {@code refund}. */
@Repository
class JpaPayments implements Payments {

    private final PaymentRepository repository;

    JpaPayments(PaymentRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        return repository.findWithRefundById(id);
    }

    @Override
    public Optional<Payment> findByOrderId(OrderId orderId) {
        return repository.findByOrderId(orderId);
    }

    @Override
    public Optional<Payment> lockNextRefundDue(Instant now) {
        return repository.lockNextRefundDue(now);
    }

    @Override
    public Optional<Payment> lockIfRefundDue(PaymentId id, Instant now) {
        return repository.lockIfRefundDue(id.value(), now);
    }

    @Override
    public void save(Payment payment) {
        repository.save(payment);
    }
}
