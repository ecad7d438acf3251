package io.eventshop.messaging.testing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a service's tests need to show that its outbox rows commit with its state change or not at all: a transaction
 * that rolls back whatever it did, and a count of the outbox rows of one event type and message group.
 */
public final class OutboxRows {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public OutboxRows(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs {@code work} in a transaction, then rolls it back: what a failure after the work would do. */
    public void inATransactionThatRollsBack(Runnable work) {
        transactions.executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }

    /** The outbox rows of {@code eventType} in the message group {@code orderingKey} (an order id, or a sku). */
    public long count(String eventType, Object orderingKey) {
        return jdbc.sql("select count(*) from outbox_event where event_type = ? and ordering_key = ?")
                .params(eventType, orderingKey.toString())
                .query(Long.class)
                .single();
    }
}
