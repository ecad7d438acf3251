package io.eventshop.payment.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Payments in each state, for the aggregate's tests. */
final class PaymentFixtures {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    static final RefundSchedule SCHEDULE = new RefundSchedule(Duration.ofSeconds(10), Duration.ofSeconds(60), 3);

    private PaymentFixtures() {}

    static Payment anAuthorizedPayment() {
        return Payment.authorized(
                new OrderId(UUID.randomUUID()), "c-42", new Money(new BigDecimal("39.98"), "EUR"), "pay_1", NOW);
    }

    static Payment aDeclinedPayment() {
        return Payment.declined(
                new OrderId(UUID.randomUUID()),
                "c-42",
                new Money(new BigDecimal("39.98"), "EUR"),
                "card declined",
                NOW);
    }

    static Payment aPaymentWithARefundPending() {
        Payment payment = anAuthorizedPayment();
        payment.requestRefund("order cancelled", UUID.randomUUID(), UUID.randomUUID(), NOW);
        return payment;
    }
}
