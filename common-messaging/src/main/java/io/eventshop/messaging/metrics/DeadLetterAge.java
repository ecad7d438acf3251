package io.eventshop.messaging.metrics;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The age of the oldest message of a dead-letter queue, as far as this instance can tell without receiving from it:
 * the time since the queue last held nothing. It starts
 *
 * <ul>
 *   <li>when the listener sends a dead letter there itself ({@code listener/DeadLetters}), at that moment, or
 *   <li>when a reading of the queue's attributes finds messages where the one before found none (SQS moved them there
 *       after {@code maxReceiveCount}, or they were there before this instance started): at that reading, so the age
 *       is then a lower bound, short by up to one gauge interval;
 * </ul>
 *
 * and it goes back to 0 at the first reading that finds the queue empty (redriven or purged). While the queue holds
 * messages it is the age of the oldest of them, as long as nobody takes some of them out and leaves others: after a
 * redrive of a few messages out of many it still counts from the first.
 */
final class DeadLetterAge {

    private static final long EMPTY = -1;

    private final Clock clock;
    /** Since when the queue holds messages, in epoch milliseconds; {@link #EMPTY} when it holds none. */
    private final AtomicLong holdingSince = new AtomicLong(EMPTY);

    DeadLetterAge(Clock clock) {
        this.clock = clock;
    }

    /** A dead letter was sent to the queue just now. */
    void sent() {
        long now = clock.millis();
        holdingSince.accumulateAndGet(now, (since, sent) -> since == EMPTY ? sent : Math.min(since, sent));
    }

    /**
     * A reading that started at {@code readAt} found {@code messages} in the queue (visible, in flight and delayed). An
     * empty reading forgets the dead letters sent before it started, and only those.
     */
    void read(long readAt, long messages) {
        if (messages == 0) {
            holdingSince.updateAndGet(since -> since >= readAt ? since : EMPTY);
        } else {
            holdingSince.updateAndGet(since -> since == EMPTY ? readAt : since);
        }
    }

    double ageSeconds() {
        long since = holdingSince.get();
        return since == EMPTY ? 0 : Math.max(0, clock.millis() - since) / 1000.0;
    }
}
