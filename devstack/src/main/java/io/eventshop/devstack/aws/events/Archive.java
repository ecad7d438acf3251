package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An archive of the events put to one bus (those that match its pattern, if it has one), kept in the order they
 * arrived with their ingestion time, for replays. Events older than the retention are dropped when it is read.
 */
final class Archive {

    /** An archived event and when the bus took it in. */
    record ArchivedEvent(Instant ingestedAt, ObjectNode event, int sizeBytes) {}

    private final String name;
    private final String arn;
    private final String sourceArn;
    private final EventPattern pattern;
    private final int retentionDays;
    private final String description;
    private final Instant createdAt;
    private final List<ArchivedEvent> events = new ArrayList<>();

    Archive(
            String name,
            String arn,
            String sourceArn,
            EventPattern pattern,
            int retentionDays,
            String description,
            Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.sourceArn = sourceArn;
        this.pattern = pattern;
        this.retentionDays = retentionDays;
        this.description = description;
        this.createdAt = createdAt;
    }

    /** Keeps the event if it came to this archive's bus and matches its pattern. */
    void offer(String busArn, ObjectNode event, String json, Instant ingestedAt) {
        if (busArn.equals(sourceArn) && (pattern == null || pattern.matches(event))) {
            events.add(new ArchivedEvent(ingestedAt, event, json.getBytes(StandardCharsets.UTF_8).length));
        }
    }

    /** The events taken in from {@code start} (inclusive) to {@code end} (exclusive), oldest first. */
    List<ArchivedEvent> between(Instant start, Instant end) {
        dropExpired();
        return events.stream()
                .filter(e -> !e.ingestedAt().isBefore(start) && e.ingestedAt().isBefore(end))
                .toList();
    }

    long eventCount() {
        dropExpired();
        return events.size();
    }

    long sizeBytes() {
        dropExpired();
        return events.stream().mapToLong(ArchivedEvent::sizeBytes).sum();
    }

    private void dropExpired() {
        if (retentionDays > 0) {
            Instant oldest = Instant.now().minus(Duration.ofDays(retentionDays));
            events.removeIf(e -> e.ingestedAt().isBefore(oldest));
        }
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String sourceArn() {
        return sourceArn;
    }

    String pattern() {
        return pattern == null ? null : pattern.source();
    }

    int retentionDays() {
        return retentionDays;
    }

    String description() {
        return description;
    }

    Instant createdAt() {
        return createdAt;
    }
}
