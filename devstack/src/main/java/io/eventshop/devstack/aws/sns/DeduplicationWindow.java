package io.eventshop.devstack.aws.sns;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The deduplication ids a FIFO topic saw in the last five minutes, with what the first publish answered, so that a
 * duplicate gets the same answer and is not delivered again.
 *
 * <p>The ids are kept in the order they were accepted, which is the order of their acceptance times, so expiring them
 * looks only at the oldest ones: it stops at the first id still in the window, however many the window holds. An id
 * that a clock step left behind a younger one is never answered from once its five minutes are over; it is dropped
 * when the ids before it are.
 */
final class DeduplicationWindow {

    static final Duration LENGTH = Duration.ofMinutes(5);

    /** What the first publish with a deduplication id answered. */
    record Accepted(String messageId, String sequenceNumber, Instant at) {

        boolean within(Instant now) {
            return at.isAfter(now.minus(LENGTH));
        }
    }

    private final LinkedHashMap<String, Accepted> accepted = new LinkedHashMap<>();

    /** The first answer for the id, if it was given less than five minutes before {@code now}. */
    synchronized Accepted find(String deduplicationId, Instant now) {
        Accepted earlier = accepted.get(deduplicationId);
        return earlier != null && earlier.within(now) ? earlier : null;
    }

    /** Remembers the answer for the id, unless an answer within the window is remembered already. */
    synchronized void remember(String deduplicationId, Accepted answer) {
        forgetBefore(answer.at());
        Accepted earlier = accepted.get(deduplicationId);
        if (earlier == null || !earlier.within(answer.at())) {
            // Removed first, so that the id moves to the young end of the order.
            accepted.remove(deduplicationId);
            accepted.put(deduplicationId, answer);
        }
    }

    /** Drops the ids accepted five minutes or more before {@code now}, oldest first. */
    synchronized void forgetBefore(Instant now) {
        Iterator<Accepted> oldestFirst = accepted.values().iterator();
        while (oldestFirst.hasNext() && !oldestFirst.next().within(now)) {
            oldestFirst.remove();
        }
    }

    synchronized int size() {
        return accepted.size();
    }
}
