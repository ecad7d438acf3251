package io.eventshop.messaging.outbox;

import java.time.Duration;
import java.util.List;

/** Publishes outbox events to one destination, in one batch call of at most {@link #MAX_BATCH} entries. */
interface EventPublisher {

    /** The most entries SNS PublishBatch and EventBridge PutEvents take in one call. */
    int MAX_BATCH = 10;

    /**
     * How long a call may take, retries included, before it counts as failed. The relay records a batch once its calls
     * to every destination have ended, so this also bounds how long a destination that hangs holds the batch's groups
     * on the others.
     */
    Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    Destination destination();

    /** The topic's or the bus's name, for the publish spans. */
    String destinationName();

    /**
     * Publishes {@code events} and reports the outcome of each one. A failure of the whole call is reported as the
     * failure of every event, never thrown.
     */
    PublishResult publish(List<OutboxEvent> events);
}
