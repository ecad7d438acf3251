package io.eventshop.topology;

/**
 * The queue that SQS moves a message to once it has been received {@code maxReceiveCount} times without being
 * deleted. It has the same type (FIFO or standard) as its source queue.
 *
 * @param name the queue name; a FIFO queue's ends in {@code .fifo}
 * @param maxReceiveCount the receives after which SQS gives up on a message in the source queue
 * @param messageRetentionSeconds how long a dead letter is kept, usually longer than in the source queue
 */
public record DeadLetterQueue(String name, int maxReceiveCount, int messageRetentionSeconds) {}
