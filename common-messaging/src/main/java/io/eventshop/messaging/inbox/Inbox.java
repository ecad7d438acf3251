package io.eventshop.messaging.inbox;

import io.eventshop.events.EventEnvelope;
import io.eventshop.messaging.metrics.HandlerOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer. {@link #handleOnce} records the event's id for the consumer and runs the handler in one
 * transaction, so the state change and the record commit together or not at all.
 *
 * <p>An event that was handled before is a duplicate: it is counted ({@code eventshop.inbox.duplicates}, tagged by
 * consumer) and changes nothing. Both outcomes are also counted by event type in {@code eventshop.messages.handled}
 * ({@code outcome} {@code handled} or {@code duplicate}, see {@link HandlerOutcomes}); a handler that throws is counted
 * by whoever catches it. Two concurrent deliveries of one event race for the same primary key; PostgreSQL
 * makes the second insert wait for the first transaction, and it finds the row once the first commits (or inserts
 * it, and handles the event, if the first rolled back).
 */
public final class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MeterRegistry meterRegistry;
    private final HandlerOutcomes outcomes;

    Inbox(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meterRegistry) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.meterRegistry = meterRegistry;
        this.outcomes = new HandlerOutcomes(meterRegistry);
    }

    /**
     * Runs {@code handler} for {@code envelope}, unless {@code consumer} has handled that event before.
     *
     * @return whether the handler ran; false for a duplicate
     * @throws RuntimeException whatever the handler throws, after rolling back; the event is then not recorded, so a
     *     redelivery runs the handler again
     */
    public boolean handleOnce(String consumer, EventEnvelope envelope, Runnable handler) {
        Boolean handled = transaction.execute(status -> {
            if (!record(consumer, envelope)) {
                return false;
            }
            handler.run();
            return true;
        });
        if (!Boolean.TRUE.equals(handled)) {
            duplicates(consumer).increment();
            outcomes.count(envelope.eventType(), HandlerOutcomes.Outcome.DUPLICATE);
            return false;
        }
        outcomes.count(envelope.eventType(), HandlerOutcomes.Outcome.HANDLED);
        return true;
    }

    private boolean record(String consumer, EventEnvelope envelope) {
        int inserted = jdbc.sql("""
                        insert into inbox_message (consumer, event_id, event_type) values (?, ?, ?)
                        on conflict do nothing
                        """)
                .params(consumer, envelope.eventId(), envelope.eventType())
                .update();
        return inserted == 1;
    }

    /** Deletes the rows received before {@code cutoff}; returns how many. */
    int deleteReceivedBefore(Instant cutoff) {
        return jdbc.sql("delete from inbox_message where received_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }

    private Counter duplicates(String consumer) {
        return Counter.builder("eventshop.inbox.duplicates")
                .description("Events delivered again after their consumer had handled them")
                .tag("consumer", consumer)
                .register(meterRegistry);
    }
}
