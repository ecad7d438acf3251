package io.eventshop.messaging.dlq;

import java.util.Map;

/**
 * A message in a dead-letter queue, as seen without consuming it.
 *
 * @param messageId the SQS message id, which names it in a selective redrive
 * @param body the message body, usually the event envelope
 * @param attributes the string and number message attributes, such as {@code eventType} and {@code traceparent}
 * @param failureReason why the consumer gave up on it (the {@value DeadLetterQueues#FAILURE_REASON_ATTRIBUTE}
 *     attribute), or {@code null} when SQS moved it after too many receives without one
 * @param receiveCount how often it has been received, counting receives in the source queue and peeks here
 * @param messageGroupId its message group in a FIFO queue, or {@code null}
 */
public record DeadLetter(
        String messageId,
        String body,
        Map<String, String> attributes,
        String failureReason,
        int receiveCount,
        String messageGroupId) {}
