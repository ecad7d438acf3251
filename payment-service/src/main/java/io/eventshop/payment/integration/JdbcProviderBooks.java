package io.eventshop.payment.integration;

import com.zaxxer.hikari.HikariDataSource;
import io.eventshop.payment.application.PaymentProvider.Authorization;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.integration.SimulatedPaymentProvider.Ledger;
import java.util.Optional;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated provider's books in the {@code simulated_provider_*} tables. Each write commits on its own, whatever
 * transaction the caller is in: the provider's books are not payment-service's, and a rollback there undoes nothing
 * here.
 *
 * <p>In the service the books have a connection pool of their own ({@link #onOwnPool}). The provider stands for
 * another company's system, and it must not draw on payment-service's pool: each OrderPlaced handler holds one of
 * those connections for its inbox transaction while it asks for the authorization, so with as many handlers in flight
 * as the pool has connections, the provider would wait for a connection that none of them gives back before the call
 * times out, and every timeout would count towards opening the circuit.
 */
final class JdbcProviderBooks implements ProviderBooks, AutoCloseable {

    /** Enough for the provider calls in flight: each holds a connection for one short statement. */
    private static final int POOL_SIZE = 4;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final AutoCloseable pool;

    JdbcProviderBooks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, () -> {});
    }

    private JdbcProviderBooks(JdbcClient jdbc, PlatformTransactionManager transactions, AutoCloseable pool) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pool = pool;
    }

    /** Books on a small pool of their own, to the database that {@code spring.datasource} names. */
    static JdbcProviderBooks onOwnPool(DataSourceProperties database) {
        HikariDataSource pool = database.initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        pool.setPoolName("simulated-provider");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        return new JdbcProviderBooks(JdbcClient.create(pool), new DataSourceTransactionManager(pool), pool);
    }

    @Override
    public void close() throws Exception {
        pool.close();
    }

    @Override
    public Optional<Authorization> authorization(String idempotencyKey) {
        return ownTransaction.execute(status -> jdbc.sql("""
                        select approved, reference, decline_reason from simulated_provider_authorization
                        where idempotency_key = ?
                        """)
                .param(idempotencyKey)
                .query((row, n) -> row.getBoolean("approved")
                        ? (Authorization) new Authorization.Approved(row.getString("reference"))
                        : new Authorization.Declined(row.getString("decline_reason")))
                .optional());
    }

    @Override
    public Authorization recordAuthorization(String idempotencyKey, Authorization answer, String token, Money amount) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into simulated_provider_authorization
                            (idempotency_key, approved, reference, decline_reason, token, amount, currency)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (idempotency_key) do nothing
                        """)
                .params(
                        idempotencyKey,
                        answer instanceof Authorization.Approved,
                        answer instanceof Authorization.Approved approved ? approved.reference() : null,
                        answer instanceof Authorization.Declined declined ? declined.reason() : null,
                        token,
                        amount.amount(),
                        amount.currency())
                .update());
        return authorization(idempotencyKey).orElseThrow();
    }

    @Override
    public Optional<String> tokenOf(String paymentReference) {
        return ownTransaction.execute(
                status -> jdbc.sql("select token from simulated_provider_authorization where reference = ?")
                        .param(paymentReference)
                        .query(String.class)
                        .optional());
    }

    @Override
    public int countRefusal(String paymentReference) {
        return ownTransaction.execute(status ->
                jdbc.sql("""
                        insert into simulated_provider_refusal (reference, refusals) values (?, 1)
                        on conflict (reference) do update set refusals = simulated_provider_refusal.refusals + 1
                        returning refusals
                        """).param(paymentReference).query(Integer.class).single());
    }

    @Override
    public boolean refunded(String idempotencyKey) {
        return ownTransaction.execute(
                status -> jdbc.sql("select count(*) from simulated_provider_refund where idempotency_key = ?")
                                .param(idempotencyKey)
                                .query(Integer.class)
                                .single()
                        > 0);
    }

    @Override
    public void recordRefund(String idempotencyKey, String paymentReference, Money amount) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into simulated_provider_refund (idempotency_key, reference, amount, currency)
                        values (?, ?, ?, ?)
                        on conflict (idempotency_key) do nothing
                        """)
                .params(idempotencyKey, paymentReference, amount.amount(), amount.currency())
                .update());
    }

    @Override
    public Ledger ledger() {
        return ownTransaction.execute(status -> jdbc.sql("""
                        select (select count(*) from simulated_provider_authorization where approved) as charges,
                               (select coalesce(sum(amount), 0) from simulated_provider_authorization where approved)
                                   as charged,
                               (select count(*) from simulated_provider_refund) as refunds,
                               (select coalesce(sum(amount), 0) from simulated_provider_refund) as refunded
                        """)
                .query((row, n) -> new Ledger(
                        row.getInt("charges"),
                        row.getBigDecimal("charged"),
                        row.getInt("refunds"),
                        row.getBigDecimal("refunded")))
                .single());
    }
}
