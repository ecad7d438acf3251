package io.eventshop.messaging.dlq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Receives from a dead-letter queue while holding what it received out of sight, so that successive receives return
 * different messages; then releases or resends them.
 */
final class DeadLetterScan {

    /** Long enough to work through a scan; the messages are released or deleted before it ends. */
    private static final int HOLD_SECONDS = 30;

    private static final int BATCH = 10;

    private final SqsClient sqs;

    DeadLetterScan(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Receives up to {@code max} messages, holding them; the caller releases them. */
    List<Message> receive(String queueUrl, int max) {
        List<Message> received = new ArrayList<>();
        for (List<Message> batch = receiveBatch(queueUrl); !batch.isEmpty(); batch = receiveBatch(queueUrl)) {
            for (Message message : batch) {
                if (received.size() < max) {
                    received.add(message);
                } else {
                    release(queueUrl, List.of(message));
                }
            }
            if (received.size() >= max) {
                break;
            }
        }
        return received;
    }

    /** One receive of up to ten messages, without waiting, with their attributes and receive counts. */
    List<Message> receiveBatch(String queueUrl) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(BATCH)
                        .waitTimeSeconds(0)
                        .visibilityTimeout(HOLD_SECONDS)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }

    /** Makes held messages visible again at once. */
    void release(String queueUrl, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (Message message : messages.subList(from, Math.min(from + BATCH, messages.size()))) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(String.valueOf(entries.size()))
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0)
                        .build());
            }
            sqs.changeMessageVisibilityBatch(
                    request -> request.queueUrl(queueUrl).entries(entries));
        }
    }

    /**
     * Sends a held message to the source queue, then deletes it from the DLQ, and returns its id. A crash between the
     * two sends it twice, which the consumers' inbox absorbs; the other order could lose it.
     */
    String resend(String dlqUrl, String sourceUrl, Message message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>(message.messageAttributes());
        attributes.keySet().removeIf(name -> name.startsWith(DeadLetterQueues.FAILURE_ATTRIBUTE_PREFIX));
        String groupId = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        SendMessageRequest.Builder send = SendMessageRequest.builder()
                .queueUrl(sourceUrl)
                .messageBody(message.body())
                .messageAttributes(attributes);
        if (groupId != null) {
            send.messageGroupId(groupId)
                    .messageDeduplicationId(UUID.randomUUID().toString());
        }
        sqs.sendMessage(send.build());
        sqs.deleteMessage(request -> request.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
        return message.messageId();
    }
}
