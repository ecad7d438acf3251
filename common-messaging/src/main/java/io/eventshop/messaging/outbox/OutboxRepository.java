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
     * The events that are due for {@code destination}, oldest first: for each message group, only its oldest event
     * that is unpublished there, and only when its backoff has passed. So a group never overtakes itself, even when
     * an event of it waits for a retry.
     */
    List<OutboxEvent> findPublishable(Destination destination, int limit) {
        String sql = """
                select id, event_id, event_type, ordering_key, source, payload, attributes::text, created_at, attempts
                from outbox_event pending
                where pending.%1$s is null
                  and pending.next_attempt_at <= now()
                  and not exists (select 1 from outbox_event earlier
                                  where earlier.ordering_key = pending.ordering_key
                                    and earlier.id < pending.id
                                    and earlier.%1$s is null)
                order by pending.id
                limit ?
                """.formatted(destination.publishedAtColumn());
        return jdbc.sql(sql).param(limit).query(this::outboxEvent).list();
    }

    void markPublished(Destination destination, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_event set %s = now() where id = any(?)".formatted(destination.publishedAtColumn()))
                .param(new SqlArrayValue("bigint", ids.toArray()))
                .update();
    }

    void markFailed(long id, String error, Duration retryAfter) {
        jdbc.sql("""
                        update outbox_event
                        set attempts = attempts + 1,
                            last_error = ?,
                            next_attempt_at = now() + ? * interval '1 millisecond'
                        where id = ?
                        """).params(error, retryAfter.toMillis(), id).update();
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

    /** What is left to publish. */
    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {}
}
