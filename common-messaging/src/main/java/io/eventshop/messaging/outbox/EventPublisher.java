package io.eventshop.messaging.outbox;

import java.util.List;

/** Publishes outbox events to one destination, in one batch call of at most {@link #MAX_BATCH} entries. */
interface EventPublisher {

    /** The most entries SNS PublishBatch and EventBridge PutEvents take in one call. */
    int MAX_BATCH = 10;

    Destination destination();

    /** The topic's or the bus's name, for the publish spans. */
    String destinationName();

    /**
     * Publishes {@code events} and reports the outcome of each one. A failure of the whole call is reported as the
     * failure of every event, never thrown.
     */
    PublishResult publish(List<OutboxEvent> events);
}
