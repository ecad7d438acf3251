package io.eventshop.devstack.sns;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The deduplication ids a FIFO topic saw in the last five minutes, with what the first publish answered, so that a
 * duplicate gets the same answer and is not delivered again.
 */
final class DeduplicationWindow {

    static final Duration LENGTH = Duration.ofMinutes(5);

    /** What the first publish with a deduplication id answered. */
    record Accepted(String messageId, String sequenceNumber, Instant at) {}

    private final Map<String, Accepted> accepted = new HashMap<>();

    synchronized Accepted find(String deduplicationId) {
        return accepted.get(deduplicationId);
    }

    synchronized void remember(String deduplicationId, Accepted answer) {
        accepted.putIfAbsent(deduplicationId, answer);
    }

    synchronized void forgetBefore(Instant now) {
        Instant cutoff = now.minus(LENGTH);
        accepted.values().removeIf(answer -> !answer.at().isAfter(cutoff));
    }
}
