package io.eventshop.messaging.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the {@code outbox_event} table. */
final class OutboxRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    // How many times this relay has recorded failures, and for each destination the count at which a look last found
    // no group waiting (waitingGroups).
    private final AtomicLong failuresRecorded = new AtomicLong();
    private final Map<Destination, Long> noneWaitingSince = new ConcurrentHashMap<>();

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
     * The events that are due for {@code destination}, oldest first: of its oldest {@code limit} unpublished events,
     * those whose group does not wait. A group waits from its oldest unpublished event whose backoff has not passed,
     * so a group never overtakes itself, and for every group it returns, it returns the group's oldest unpublished
     * events, without a gap. If none of a full page is due (an outage has put every group of it in backoff), it reads
     * the next page, so the groups behind them are not held up.
     *
     * <p>Two plain statements: a page of the unpublished rows in creation order, read from V2's partial index on
     * {@code id} and stopped at {@code limit}, and the groups that wait, from V4's index of the few rows whose
     * publication failed. As one statement with a {@code not exists} per row, the planner sorted every unpublished row
     * or read the whole index once per row whenever its statistics were older than a backlog: 25 to 50 ms per claim
     * with 20,000 events waiting in the relay benchmark, 300 ms once the statistics said that nearly every row was
     * published. The page reads the index in order in every state of the statistics tried, but for a table never
     * analyzed (until autovacuum's first pass), where it sorts the unpublished rows: about 10 ms at 20,000.
     *
     * @return the due events, and whether they are all the unpublished events there are: the last page read was not
     *     full, so a claim right after this one, with no commit in between, would find nothing new
     */
    Due findPublishable(Destination destination, int limit) {
        Map<String, Long> waiting = waitingGroups(destination);
        String sql = """
                select id, event_id, event_type, ordering_key, source, payload, attributes::text, created_at, attempts
                from outbox_event
                where %1$s is null and id > ?
                order by id
                limit ?
                """.formatted(destination.publishedAtColumn());
        long after = 0;
        while (true) {
            List<OutboxEvent> page =
                    jdbc.sql(sql).params(after, limit).query(this::outboxEvent).list();
            List<OutboxEvent> due = page.stream()
                    .filter(event -> event.id() < waiting.getOrDefault(event.orderingKey(), Long.MAX_VALUE))
                    .toList();
            if (!due.isEmpty() || page.size() < limit) {
                return new Due(due, page.size() < limit);
            }
            after = page.getLast().id();
        }
    }

    /**
     * The groups that wait for a retry on {@code destination}, each with the row from which on it waits.
     *
     * <p>A row starts to wait only when {@link #markFailed} records a failure, and only the active relay records them
     * (RelayLeadership). So once a look finds no group waiting on a destination, none does until this relay records a
     * failure, and the look is skipped until then: one statement less per claim while nothing fails. A failure recorded
     * while a look runs counts as recorded after it, and an instance that takes over the relay looks again
     * ({@link #lookAgainForWaitingGroups}), as the relay before it may have recorded failures.
     */
    private Map<String, Long> waitingGroups(Destination destination) {
        long failures = failuresRecorded.get();
        if (noneWaitingSince.getOrDefault(destination, -1L) == failures) {
            return Map.of();
        }
        String sql = """
                select ordering_key, min(id) from outbox_event
                where attempts > 0 and next_attempt_at > now() and %1$s is null
                group by ordering_key
                """.formatted(destination.publishedAtColumn());
        Map<String, Long> waiting = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            waiting.put(rs.getString(1), rs.getLong(2));
        });
        if (waiting.isEmpty()) {
            noneWaitingSince.put(destination, failures);
        }
        return waiting;
    }

    /** Forgets that no group waited: the next claim of each destination looks for waiting groups again. */
    void lookAgainForWaitingGroups() {
        noneWaitingSince.clear();
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
        failuresRecorded.incrementAndGet();
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

    /**
     * What a claim found: the events due, oldest first, and whether no unpublished event lay beyond them (the rows of
     * waiting groups aside).
     */
    record Due(List<OutboxEvent> events, boolean complete) {}

    /** A failed attempt to publish the event of row {@code id}: why, and how long until the next one. */
    record FailedAttempt(long id, String error, Duration retryAfter) {}

    /** What is left to publish. */
    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {}
}
