package io.eventshop.messaging.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the {@code outbox_event} table. */
final class OutboxRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID eventId,
            String eventType,
            String orderingKey,
            String source,
            String payload,
            Map<String, String> attributes) {
        jdbc.sql("""
                        insert into outbox_event (event_id, event_type, ordering_key, source, payload, attributes)
                        values (?, ?, ?, ?, ?, ?::jsonb)
                        """)
                .params(eventId, eventType, orderingKey, source, payload, json.writeValueAsString(attributes))
                .update();
    }

    /**
     * The oldest {@code limit} events that are due for {@code destination}, oldest first: the events unpublished
     * there, in creation order, except the groups whose oldest unpublished event waits for its backoff to pass, and
     * which therefore wait whole. So a group never overtakes itself. For every group it returns, it returns the
     * group's oldest unpublished events, without a gap: an earlier one is older, so it comes first within the limit.
     *
     * <p>The partial indexes on {@code id} of the unpublished rows (V2) give them in creation order; those on
     * {@code (ordering_key, id)} (V1) find the groups that wait.
     */
    List<OutboxEvent> findPublishable(Destination destination, int limit) {
        String sql = """
                select id, event_id, event_type, ordering_key, source, payload, attributes::text, created_at, attempts
                from outbox_event pending
                where pending.%1$s is null
                  and pending.next_attempt_at <= now()
                  and not exists (select 1 from outbox_event waiting
                                  where waiting.ordering_key = pending.ordering_key
                                    and waiting.id < pending.id
                                    and waiting.%1$s is null
                                    and waiting.next_attempt_at > now())
                order by pending.id
                limit ?
                """.formatted(destination.publishedAtColumn());
        return jdbc.sql(sql).param(limit).query(this::outboxEvent).list();
    }

    /**
     * Records the events as published to {@code destination}, in one statement.
     *
     * @return for each of them, the time from its row's creation to its publication
     */
    List<Duration> markPublished(Destination destination, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = """
                update outbox_event set %1$s = now() where id = any(?)
                returning extract(epoch from %1$s - created_at)
                """.formatted(destination.publishedAtColumn());
        return jdbc.sql(sql)
                .param(new SqlArrayValue("bigint", ids.toArray()))
                .query((rs, row) -> Duration.ofNanos(Math.round(rs.getDouble(1) * 1e9)))
                .list();
    }

    /** Records failed attempts, in one statement: each event's error and when to try it again. */
    void markFailed(List<FailedAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update outbox_event
                        set attempts = attempts + 1,
                            last_error = failed.error,
                            next_attempt_at = now() + failed.retry_after_ms * interval '1 millisecond'
                        from unnest(?::bigint[], ?::text[], ?::bigint[]) as failed(id, error, retry_after_ms)
                        where outbox_event.id = failed.id
                        """)
                .params(
                        new SqlArrayValue(
                                "bigint",
                                attempts.stream().map(FailedAttempt::id).toArray()),
                        new SqlArrayValue(
                                "text",
                                attempts.stream().map(FailedAttempt::error).toArray()),
                        new SqlArrayValue(
                                "bigint",
                                attempts.stream()
                                        .map(attempt -> attempt.retryAfter().toMillis())
                                        .toArray()))
                .update();
    }

    /** The number of events not yet published to every destination, and the creation time of the oldest. */
    Backlog backlog() {
        return jdbc.sql("""
                        select count(*), min(created_at) from outbox_event
                        where sns_published_at is null or events_published_at is null
                        """)
                .query((rs, row) -> new Backlog(rs.getLong(1), instant(rs.getTimestamp(2))))
                .single();
    }

    /** Deletes the events that every destination had before {@code cutoff}; returns how many. */
    int deletePublishedBefore(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        return jdbc.sql("delete from outbox_event where sns_published_at < ? and events_published_at < ?")
                .params(before, before)
                .update();
    }

    private OutboxEvent outboxEvent(ResultSet rs, int row) throws SQLException {
        return new OutboxEvent(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("ordering_key"),
                rs.getString("source"),
                rs.getString("payload"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("attempts"));
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    /** A failed attempt to publish the event of row {@code id}: why, and how long until the next one. */
    record FailedAttempt(long id, String error, Duration retryAfter) {}

    /** What is left to publish. */
    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {}
}
