package io.eventshop.payment.persistence;

import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The Spring Data JPA repository of the payment aggregate. A payment is read with its refund in one statement (a left
 * join); the refund retry job's claims are SQL, as their {@code FOR UPDATE ... SKIP LOCKED} is the point.
 */
interface PaymentRepository extends JpaRepository<Payment, PaymentId> {

    // JPQL's join fetch rather than an entity graph: Hibernate translates a query with a fetch graph to SQL again at
    // every execution, and these run for every message.
    @Query("select p from Payment p left join fetch p.refund where p.id = :id")
    Optional<Payment> findWithRefundById(PaymentId id);

    @Query("select p from Payment p left join fetch p.refund where p.orderId = :orderId")
    Optional<Payment> findByOrderId(OrderId orderId);

    /**
     * The payment whose pending refund has been due longest, with the payment's and the refund's rows locked; rows
     * another transaction holds are skipped rather than waited for (index {@code refund_due}).
     */
    @Query(nativeQuery = true, value = """
            select p.* from payment p join refund r on r.payment_id = p.id
             where r.status = 'PENDING' and r.next_attempt_at <= :now
             order by r.next_attempt_at
             limit 1
               for update of p, r skip locked
            """)
    Optional<Payment> lockNextRefundDue(Instant now);

    /** The payment {@code id} if its refund is pending and due, locked as above; empty if another transaction holds it. */
    @Query(nativeQuery = true, value = """
            select p.* from payment p join refund r on r.payment_id = p.id
             where p.id = :id and r.status = 'PENDING' and r.next_attempt_at <= :now
               for update of p, r skip locked
            """)
    Optional<Payment> lockIfRefundDue(UUID id, Instant now);
}
