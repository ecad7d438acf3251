package io.eventshop.messaging.tombstone;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers the orders that were cancelled before this service heard of them, so that an event arriving late (delayed,
 * or redriven from a dead-letter queue) does not start work for an order that no longer exists.
 *
 * <p>Queues deliver out of order: an {@code OrderCancelled} can overtake the {@code OrderPlaced} or
 * {@code PaymentAuthorized} it cancels. The handler of the cancellation finds nothing to undo, so it {@link #bury
 * buries} the order; the handler of the late event asks {@link #isBuried} first and answers with a failure event. Both
 * run in the handler's transaction, so the tombstone commits with the inbox row of the cancellation.
 *
 * <p>Plain SQL on purpose: {@code ON CONFLICT DO NOTHING} makes burying twice harmless, which is the whole lesson.
 */
public final class Tombstones {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Tombstones(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that {@code orderId} was cancelled, for {@code reason}.
     *
     * @return whether this call buried it: false when it was buried already, which changes nothing
     */
    public boolean bury(UUID orderId, String reason) {
        return jdbc.sql("""
                        insert into tombstone (order_id, reason, recorded_at)
                        values (:orderId, :reason, :recordedAt)
                        on conflict (order_id) do nothing
                        """)
                        .param("orderId", orderId)
                        .param("reason", reason)
                        .param("recordedAt", java.sql.Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /** Whether {@code orderId} was cancelled before this service did anything for it. */
    public boolean isBuried(UUID orderId) {
        return reasonFor(orderId).isPresent();
    }

    /** Why {@code orderId} was buried, if it was. */
    public Optional<String> reasonFor(UUID orderId) {
        return jdbc.sql("select reason from tombstone where order_id = :orderId")
                .param("orderId", orderId)
                .query(String.class)
                .optional();
    }
}
