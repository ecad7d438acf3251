package io.eventshop.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wake-up calls to a loop that otherwise polls: any number of calls while it works wake it once, so a commit that
 * lands during a pass is never missed and never costs more than one extra pass.
 */
final class WakeUps {

    private final Semaphore calls = new Semaphore(0);

    void call() {
        if (calls.availablePermits() == 0) {
            calls.release();
        }
    }

    /** Returns when called, or after {@code timeout}; the calls made until then are all answered by the next pass. */
    void await(Duration timeout) throws InterruptedException {
        if (calls.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            calls.drainPermits();
        }
    }
}
