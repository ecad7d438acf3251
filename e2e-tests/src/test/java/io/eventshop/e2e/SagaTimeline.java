package io.eventshop.e2e;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where a saga's time goes, hop by hop, read from the services' own tables: for each event and each consumer, how long
 * the event waited in its producer's outbox (commit to published, the relay) and how long it then took to reach the
 * consumer's handler (published to the inbox transaction's start: fan-out, the queue and the listener's polling).
 */
final class SagaTimeline {

    /** The consumer that EventBridge feeds; the others subscribe to the SNS topic. */
    private static final String EVENTBRIDGE_CONSUMER = "notification-service";

    private record Published(Instant createdAt, Instant toSns, Instant toEventBridge) {}

    private record Hop(String eventType, String consumer) {}

    private static final Comparator<Hop> HOPS =
            Comparator.comparing(Hop::consumer).thenComparing(Hop::eventType);

    private final ServiceDatabases databases;
    private final List<String> services;

    SagaTimeline(ServiceDatabases databases, List<String> services) {
        this.databases = databases;
        this.services = services;
    }

    /**
     * The hops of the events committed since {@code since}: a table with p50, p99 and max of each part, and the figures
     * the saga benchmark's goals name.
     *
     * @param table one row per event type and consumer
     * @param relayP50 commit to published, p50 over every hop
     * @param slowestDelivery the hop whose published-to-handler p99 is the highest, and that p99
     */
    record Hops(String table, Duration relayP50, String slowestDelivery, Duration slowestDeliveryP99) {}

    Hops since(Instant since) {
        Map<UUID, Published> published = new HashMap<>();
        for (String service : services) {
            for (Map<String, Object> row : databases.rows(
                    service,
                    "select event_id, created_at, sns_published_at, events_published_at from outbox_event"
                            + " where created_at >= ?",
                    Timestamp.from(since))) {
                published.put(
                        (UUID) row.get("event_id"),
                        new Published(
                                instant(row.get("created_at")),
                                instant(row.get("sns_published_at")),
                                instant(row.get("events_published_at"))));
            }
        }
        Map<Hop, List<Duration>> relay = new TreeMap<>(HOPS);
        Map<Hop, List<Duration>> delivery = new TreeMap<>(HOPS);
        for (String consumer : services) {
            for (Map<String, Object> row : databases.rows(
                    consumer,
                    "select event_id, event_type, received_at from inbox_message where received_at >= ?",
                    Timestamp.from(since))) {
                Published event = published.get((UUID) row.get("event_id"));
                if (event == null) {
                    continue;
                }
                Instant publishedAt = consumer.equals(EVENTBRIDGE_CONSUMER) ? event.toEventBridge() : event.toSns();
                if (publishedAt == null) {
                    continue;
                }
                Hop hop = new Hop((String) row.get("event_type"), consumer);
                relay.computeIfAbsent(hop, h -> new ArrayList<>())
                        .add(Duration.between(event.createdAt(), publishedAt));
                delivery.computeIfAbsent(hop, h -> new ArrayList<>())
                        .add(Duration.between(publishedAt, instant(row.get("received_at"))));
            }
        }
        List<Duration> allRelayed = new ArrayList<>();
        relay.values().forEach(allRelayed::addAll);
        Collections.sort(allRelayed);
        Map.Entry<Hop, Duration> slowest = delivery.entrySet().stream()
                .map(hop -> Map.entry(hop.getKey(), percentile(sorted(hop.getValue()), 0.99)))
                .max(Map.Entry.comparingByValue())
                .orElse(Map.entry(new Hop("none", "none"), Duration.ZERO));
        StringBuilder table = new StringBuilder(
                "| event → consumer | events | commit → published (p50 / p99 / max) | published → handler (p50 / p99 / max) |\n"
                        + "|---|---|---|---|\n");
        relay.forEach((hop, relayed) -> table.append(String.format(
                Locale.ROOT,
                "| %s → %s | %d | %s | %s |%n",
                hop.eventType(),
                hop.consumer(),
                relayed.size(),
                spread(relayed),
                spread(delivery.get(hop)))));
        return new Hops(
                table.toString(),
                allRelayed.isEmpty() ? Duration.ZERO : percentile(allRelayed, 0.50),
                slowest.getKey().eventType() + " → " + slowest.getKey().consumer(),
                slowest.getValue());
    }

    private static List<Duration> sorted(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        return sorted;
    }

    private static String spread(List<Duration> durations) {
        List<Duration> sorted = sorted(durations);
        return millis(percentile(sorted, 0.50)) + " / " + millis(percentile(sorted, 0.99)) + " / "
                + millis(sorted.getLast());
    }

    private static Duration percentile(List<Duration> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1)));
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }
}
