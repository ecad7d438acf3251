package io.eventshop.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.payment.PaymentServiceIntegrationTest;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.provider.PaymentProvider.Authorization;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The simulated provider's books are the provider's, not payment-service's: restarts and rollbacks leave them be. */
@PaymentServiceIntegrationTest
class JdbcProviderBooksIntegrationTests {

    private static final Money AMOUNT = new Money(new BigDecimal("12.50"), "EUR");

    @Autowired
    SimulatedPaymentProvider provider;

    @Autowired
    ProviderProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aProviderStartedAfreshRemembersTheKeysAndTheMoneyOfTheOneBefore() {
        String key = UUID.randomUUID().toString();
        var before = provider.ledger();
        var first = (Authorization.Approved) provider.authorize(key, "tok_visa", AMOUNT);

        var restarted = new SimulatedPaymentProvider(
                properties, new JdbcProviderBooks(jdbc, transactions), RandomGenerator.getDefault());

        assertThat(restarted.authorize(key, "tok_visa", AMOUNT)).isEqualTo(first);
        assertThat(restarted.refund("refund-" + key, first.reference(), AMOUNT))
                .isInstanceOf(PaymentProvider.RefundOutcome.Accepted.class);
        assertThat(provider.ledger().charges()).isEqualTo(before.charges() + 1);
        assertThat(provider.ledger().refunded())
                .isEqualByComparingTo(before.refunded().add(AMOUNT.amount()));
    }

    @Test
    void aChargeStaysWhenTheCallersTransactionRollsBack() {
        String key = UUID.randomUUID().toString();
        int before = provider.ledger().charges();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            provider.authorize(key, "tok_visa", AMOUNT);
            status.setRollbackOnly();
        });

        assertThat(provider.ledger().charges()).isEqualTo(before + 1);
    }
}
