package io.eventshop.messaging.outbox;

import java.time.Duration;

/** Exponential backoff between the publication attempts of one event: initial, 2 × initial, 4 × … up to max. */
record Backoff(Duration initial, Duration max) {

    /** The delay after the {@code failures}-th failed attempt (1 for the first). */
    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
