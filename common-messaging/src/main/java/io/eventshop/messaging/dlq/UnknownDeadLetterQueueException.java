package io.eventshop.messaging.dlq;

import java.util.List;

/** Thrown when a name is not one of this service's dead-letter queues. */
public class UnknownDeadLetterQueueException extends RuntimeException {

    private final String queue;

    public UnknownDeadLetterQueueException(String queue, String consumer, List<String> known) {
        super("No dead-letter queue named " + queue + " for " + consumer + "; its dead-letter queues are " + known);
        this.queue = queue;
    }

    /** The name that was asked for. */
    public String queue() {
        return queue;
    }
}
