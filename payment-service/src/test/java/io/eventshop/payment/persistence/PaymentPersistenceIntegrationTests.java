package io.eventshop.payment.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.eventshop.payment.PaymentServiceIntegrationTest;
import io.eventshop.payment.application.PaymentAuthorization;
import io.eventshop.payment.application.Payments;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payments in PostgreSQL through JPA: a payment and the outbox rows of its events commit together or not at all;
 * a stale copy cannot overwrite a newer one; and a refund that one attempt has claimed is due to no other.
 */
@PaymentServiceIntegrationTest
class PaymentPersistenceIntegrationTests {

    private static final Money AMOUNT = new Money(new BigDecimal("39.98"), "EUR");

    /** Far enough ahead that the service's own retry job never finds these tests' refunds due. */
    private static final Instant LATER = Instant.now().plus(1, ChronoUnit.DAYS);

    @Autowired
    PaymentAuthorization authorization;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        transaction = new TransactionTemplate(transactions);
    }

    @Test
    void aPaymentAndItsOutboxEventCommitTogetherOrNotAtAll() {
        OrderId rolledBack = new OrderId(UUID.randomUUID());
        OrderId committed = new OrderId(UUID.randomUUID());

        transaction.executeWithoutResult(status -> {
            authorization.authorize(rolledBack, "c-42", AMOUNT, "tok_visa");
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> authorization.authorize(committed, "c-42", AMOUNT, "tok_visa"));

        assertThat(paymentRows(rolledBack)).isZero();
        assertThat(outboxRows(rolledBack)).isZero();
        assertThat(paymentRows(committed)).isOne();
        assertThat(outboxRows(committed)).isOne();
    }

    @Test
    void aStaleCopyOfAPaymentCannotOverwriteANewerOne() {
        PaymentId id = stored(Payment.authorized(new OrderId(UUID.randomUUID()), "c-42", AMOUNT, "pay_1", LATER));
        Payment stale = payments.findById(id).orElseThrow();
        transaction.executeWithoutResult(status -> {
            Payment current = payments.findById(id).orElseThrow();
            current.requestRefund("stock released", UUID.randomUUID(), UUID.randomUUID(), LATER);
            payments.save(current);
        });

        stale.requestRefund("order cancelled", UUID.randomUUID(), UUID.randomUUID(), LATER);

        assertThatExceptionOfType(ObjectOptimisticLockingFailureException.class)
                .isThrownBy(() -> transaction.executeWithoutResult(status -> payments.save(stale)));
        assertThat(payments.findById(id).orElseThrow().refund().orElseThrow().reason())
                .isEqualTo("stock released");
    }

    @Test
    void aRefundThatOneAttemptHoldsOrHasClaimedIsDueToNoOther() {
        Payment payment = Payment.authorized(new OrderId(UUID.randomUUID()), "c-42", AMOUNT, "pay_2", LATER);
        payment.requestRefund("order cancelled", UUID.randomUUID(), UUID.randomUUID(), LATER);
        PaymentId id = stored(payment);

        transaction.executeWithoutResult(status -> {
            Payment claimed = payments.lockIfRefundDue(id, LATER).orElseThrow();
            assertThat(elsewhere(id)).as("while the row is locked").isEmpty();
            claimed.startRefundAttempt(LATER, Duration.ofSeconds(30));
            payments.save(claimed);
        });

        assertThat(elsewhere(id))
                .as("once the claim has committed, within its lease")
                .isEmpty();
        Optional<Payment> afterTheLease =
                transaction.execute(status -> payments.lockIfRefundDue(id, LATER.plusSeconds(31)));
        assertThat(afterTheLease).as("after the lease").isPresent();
    }

    /** Looks for the refund as another attempt would, in a transaction of its own on another thread. */
    private Optional<Payment> elsewhere(PaymentId id) {
        return CompletableFuture.supplyAsync(() -> transaction.execute(status -> payments.lockIfRefundDue(id, LATER)))
                .join();
    }

    private PaymentId stored(Payment payment) {
        transaction.executeWithoutResult(status -> payments.save(payment));
        return payment.id();
    }

    private long paymentRows(OrderId orderId) {
        return jdbc.sql("select count(*) from payment where order_id = ?")
                .param(orderId.value())
                .query(Long.class)
                .single();
    }

    private long outboxRows(OrderId orderId) {
        return jdbc.sql("select count(*) from outbox_event where ordering_key = ?")
                .param(orderId.toString())
                .query(Long.class)
                .single();
    }
}
