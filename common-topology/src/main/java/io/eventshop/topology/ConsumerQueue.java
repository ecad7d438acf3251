package io.eventshop.topology;

/**
 * The SQS queue that one service consumes, with its dead-letter queue and, for saga consumers, its subscription to
 * a topic.
 *
 * @param name the queue name; a FIFO queue's ends in {@code .fifo}
 * @param consumer the name of the service that consumes the queue, as in {@code spring.application.name}
 * @param fifo whether the queue is FIFO
 * @param deduplicationScope {@code messageGroup} or {@code queue} for a FIFO queue; {@code null} for a standard one
 * @param fifoThroughputLimit {@code perMessageGroupId} or {@code perQueue} for a FIFO queue; {@code null} for a
 *     standard one
 * @param visibilityTimeoutSeconds how long a received message stays hidden; longer than the handler's worst case
 * @param receiveWaitTimeSeconds the long-polling wait of a receive
 * @param messageRetentionSeconds how long an unconsumed message is kept
 * @param deadLetterQueue where failed messages go
 * @param subscription the topic subscription that feeds the queue, or {@code null} when EventBridge rules feed it
 */
public record ConsumerQueue(
        String name,
        String consumer,
        boolean fifo,
        String deduplicationScope,
        String fifoThroughputLimit,
        int visibilityTimeoutSeconds,
        int receiveWaitTimeSeconds,
        int messageRetentionSeconds,
        DeadLetterQueue deadLetterQueue,
        Subscription subscription) {}
