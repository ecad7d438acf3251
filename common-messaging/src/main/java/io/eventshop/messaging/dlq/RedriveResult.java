package io.eventshop.messaging.dlq;

import java.util.List;

/**
 * The outcome of a redrive from a dead-letter queue to its source queue.
 *
 * @param redriven the ids of the messages sent back and deleted from the dead-letter queue
 * @param notFound requested ids that were not in the dead-letter queue (already redriven, or expired)
 * @param moveTaskHandle when SQS moves the messages asynchronously with a message move task, its handle (and
 *     {@code redriven} is empty); otherwise {@code null}
 */
public record RedriveResult(List<String> redriven, List<String> notFound, String moveTaskHandle) {

    public RedriveResult {
        redriven = List.copyOf(redriven);
        notFound = List.copyOf(notFound);
    }

    /** Whether SQS carries on moving the messages after this call returns. */
    public boolean asynchronous() {
        return moveTaskHandle != null;
    }
}
