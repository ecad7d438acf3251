package io.eventshop.messaging.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the {@code outbox_event} table. */
final class OutboxRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    // How many times this relay has recorded failures, and the count at which a look last found no group waiting on
    // any destination (waitingGroups).
    private final AtomicLong failuresRecorded = new AtomicLong();
    private final AtomicLong noneWaitingSince = new AtomicLong(-1);

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
     * The events that are due, oldest first, each with the destinations it is due on: of the oldest {@code limit}
     * events that some destination still lacks, those whose group does not wait there. A group waits on a destination
     * from its oldest event unpublished there whose backoff has not passed, so a group never overtakes itself on a
     * destination, and for every group and destination, it returns the group's oldest events unpublished there,
     * without a gap. If nothing of a full page is due (an outage has put every group of it in backoff), it reads the
     * next page, so the groups behind them are not held up.
     *
     * <p>Two plain statements: a page of the unpublished rows in creation order, read from V5's partial index on
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
    Due findPublishable(int limit) {
        Map<Destination, Map<String, Long>> waiting = waitingGroups();
        String sql = """
                select id, event_id, event_type, ordering_key, source, payload, attributes::text, created_at, attempts,
                       sns_published_at is null as to_sns, events_published_at is null as to_event_bridge
                from outbox_event
                where (sns_published_at is null or events_published_at is null) and id > ?
                order by id
                limit ?
                """;
        long after = 0;
        while (true) {
            Map<Long, Set<Destination>> destinations = new HashMap<>();
            List<OutboxEvent> page = jdbc.sql(sql)
                    .params(after, limit)
                    .query((rs, row) -> {
                        OutboxEvent event = outboxEvent(rs, row);
                        Set<Destination> dueOn = EnumSet.noneOf(Destination.class);
                        if (rs.getBoolean("to_sns") && isNotWaiting(waiting, Destination.SNS, event)) {
                            dueOn.add(Destination.SNS);
                        }
                        if (rs.getBoolean("to_event_bridge")
                                && isNotWaiting(waiting, Destination.EVENT_BRIDGE, event)) {
                            dueOn.add(Destination.EVENT_BRIDGE);
                        }
                        destinations.put(event.id(), dueOn);
                        return event;
                    })
                    .list();
            List<OutboxEvent> due = page.stream()
                    .filter(event -> !destinations.get(event.id()).isEmpty())
                    .toList();
            if (!due.isEmpty() || page.size() < limit) {
                return new Due(due, destinations, page.size() < limit);
            }
            after = page.getLast().id();
        }
    }

    private static boolean isNotWaiting(
            Map<Destination, Map<String, Long>> waiting, Destination destination, OutboxEvent event) {
        return event.id() < waiting.get(destination).getOrDefault(event.orderingKey(), Long.MAX_VALUE);
    }

    /**
     * The groups that wait for a retry, on each destination, each with the row from which on it waits there.
     *
     * <p>A row starts to wait only when {@link #markFailed} records a failure, and only the active relay records them
     * (RelayLeadership). So once a look finds no group waiting, none does until this relay records a failure, and the
     * look is skipped until then: one statement less per claim while nothing fails. A failure recorded while a look
     * runs counts as recorded after it, and an instance that takes over the relay looks again
     * ({@link #lookAgainForWaitingGroups}), as the relay before it may have recorded failures.
     */
    private Map<Destination, Map<String, Long>> waitingGroups() {
        Map<Destination, Map<String, Long>> waiting = new EnumMap<>(Destination.class);
        for (Destination destination : Destination.values()) {
            waiting.put(destination, new HashMap<>());
        }
        long failures = failuresRecorded.get();
        if (noneWaitingSince.get() == failures) {
            return waiting;
        }
        jdbc.sql("""
                        select ordering_key,
                               min(id) filter (where sns_published_at is null),
                               min(id) filter (where events_published_at is null)
                        from outbox_event
                        where attempts > 0 and next_attempt_at > now()
                          and (sns_published_at is null or events_published_at is null)
                        group by ordering_key
                        """).query(rs -> {
            String group = rs.getString(1);
            long sns = rs.getLong(2);
            if (!rs.wasNull()) {
                waiting.get(Destination.SNS).put(group, sns);
            }
            long eventBridge = rs.getLong(3);
            if (!rs.wasNull()) {
                waiting.get(Destination.EVENT_BRIDGE).put(group, eventBridge);
            }
        });
        if (waiting.values().stream().allMatch(Map::isEmpty)) {
            noneWaitingSince.set(failures);
        }
        return waiting;
    }

    /** Forgets that no group waited: the next claim looks for waiting groups again. */
    void lookAgainForWaitingGroups() {
        noneWaitingSince.set(-1);
    }

    /**
     * Records the events as published, on each destination those of its list, in one statement.
     *
     * @return for each of the rows, the time from its creation to its publication
     */
    Map<Long, Duration> markPublished(Map<Destination, List<Long>> published) {
        List<Long> toSns = published.getOrDefault(Destination.SNS, List.of());
        List<Long> toEventBridge = published.getOrDefault(Destination.EVENT_BRIDGE, List.of());
        if (toSns.isEmpty() && toEventBridge.isEmpty()) {
            return Map.of();
        }
        Map<Long, Duration> lags = new HashMap<>();
        jdbc.sql("""
                        update outbox_event
                        set sns_published_at = case when id = any(:sns) then now() else sns_published_at end,
                            events_published_at =
                                case when id = any(:events) then now() else events_published_at end
                        where id = any(:ids)
                        returning id, extract(epoch from now() - created_at)
                        """)
                .param("sns", new SqlArrayValue("bigint", toSns.toArray()))
                .param("events", new SqlArrayValue("bigint", toEventBridge.toArray()))
                .param(
                        "ids",
                        new SqlArrayValue(
                                "bigint",
                                Stream.concat(toSns.stream(), toEventBridge.stream())
                                        .distinct()
                                        .toArray()))
                .query(rs -> {
                    lags.put(rs.getLong(1), Duration.ofNanos(Math.round(rs.getDouble(2) * 1e9)));
                });
        return lags;
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
     * What a claim found: the events due, oldest first, the destinations each one is due on, and whether no
     * unpublished event lay beyond them (the rows of waiting groups aside).
     */
    record Due(List<OutboxEvent> events, Map<Long, Set<Destination>> destinations, boolean complete) {

        boolean isDueOn(OutboxEvent event, Destination destination) {
            return destinations.getOrDefault(event.id(), Set.of()).contains(destination);
        }
    }

    /** A failed attempt to publish the event of row {@code id}: why, and how long until the next one. */
    record FailedAttempt(long id, String error, Duration retryAfter) {}

    /** What is left to publish. */
    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {}
}
