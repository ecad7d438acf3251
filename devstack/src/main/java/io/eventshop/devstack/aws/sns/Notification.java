package io.eventshop.devstack.aws.sns;

import java.time.Instant;
import java.util.Map;

/**
 * A message that a topic accepted, as its subscriptions receive it.
 *
 * @param sequenceNumber null for standard topics
 * @param messageGroupId null unless given; FIFO queues need it
 * @param deduplicationId for FIFO topics the explicit or content-based id; null otherwise
 */
record Notification(
        String messageId,
        String sequenceNumber,
        String topicArn,
        String subject,
        String message,
        Map<String, MessageAttribute> attributes,
        String messageGroupId,
        String deduplicationId,
        Instant timestamp) {}
