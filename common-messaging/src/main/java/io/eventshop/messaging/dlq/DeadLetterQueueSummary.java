package io.eventshop.messaging.dlq;

/**
 * A dead-letter queue of this service, with how many messages it holds.
 *
 * @param name the dead-letter queue's name, used in the {@code /ops/dlq/{queue}} paths
 * @param sourceQueue the queue whose failed messages it receives, and where a redrive sends them
 * @param fifo whether it is a FIFO queue
 * @param maxReceiveCount the receives in the source queue after which a message lands here
 * @param messages the approximate number of messages available
 * @param messagesInFlight the approximate number of messages received and not yet deleted or released
 */
public record DeadLetterQueueSummary(
        String name, String sourceQueue, boolean fifo, int maxReceiveCount, long messages, long messagesInFlight) {}
