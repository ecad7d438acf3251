package io.eventshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import io.eventshop.payment.PaymentServiceIntegrationTest;
import io.eventshop.payment.application.PaymentProvider;
import io.eventshop.payment.application.PaymentProvider.Authorization;
import io.eventshop.payment.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The simulated provider's books are the provider's, not payment-service's: restarts and rollbacks leave them be. */
@PaymentServiceIntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.allow-pool-suspension=true")
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

    @Autowired
    HikariDataSource serviceDatabase;

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

    @Test
    void theProviderAnswersWhileTheServicesConnectionPoolHasNoneToGive() {
        // As when every message handler holds a connection for its inbox transaction while it calls the provider.
        serviceDatabase.getHikariPoolMXBean().suspendPool();
        try {
            // Bounded: on the service's pool the call would wait for as long as the pool is suspended.
            Authorization answer = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> provider.authorize(UUID.randomUUID().toString(), "tok_visa", AMOUNT));
            assertThat(answer).isInstanceOf(Authorization.Approved.class);
        } finally {
            serviceDatabase.getHikariPoolMXBean().resumePool();
        }
    }
}
