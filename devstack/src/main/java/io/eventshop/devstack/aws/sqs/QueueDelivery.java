package io.eventshop.devstack.aws.sqs;

import io.eventshop.devstack.aws.AwsAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Puts messages on SQS queues for SNS subscriptions and EventBridge targets, by queue ARN. It talks to ElasticMQ
 * directly, not through the public port. A delivery that fails (a missing queue, say) is reported to the caller, never
 * thrown, so a bad subscription cannot take the endpoint down.
 */
public final class QueueDelivery {

    /** SQS takes at most this many bytes in one SendMessageBatch. */
    private static final int MAX_BATCH_BYTES = 256 * 1024;

    private static final int MAX_BATCH_ENTRIES = 10;

    /** A message for a queue. The group and deduplication ids are used only when the queue is FIFO. */
    public record Message(
            String body, Map<String, MessageAttributeValue> attributes, String messageGroupId, String deduplicationId) {

        int size() {
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            for (var attribute : attributes.entrySet()) {
                size += attribute.getKey().length()
                        + attribute.getValue().dataType().length();
                if (attribute.getValue().stringValue() != null) {
                    size += attribute.getValue().stringValue().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            return size;
        }
    }

    /** The outcome of one message: {@code error} is null when it was delivered. */
    public record Outcome(String error) {

        static final Outcome DELIVERED = new Outcome(null);

        public boolean delivered() {
            return error == null;
        }
    }

    private final SqsAsyncClient sqs;
    private final String baseUrl;

    /**
     * @param sqs a client of ElasticMQ in this JVM (see {@link EmbeddedElasticMq#client()})
     */
    public QueueDelivery(SqsAsyncClient sqs, EmbeddedElasticMq elasticMq) {
        this.sqs = sqs;
        this.baseUrl = elasticMq.queueUrlPrefix();
    }

    /** Sends the messages to the queue in order, in batches; the outcomes come back in the same order. */
    public CompletableFuture<List<Outcome>> send(String queueArn, List<Message> messages) {
        String queueName;
        try {
            queueName = AwsAccount.resourceOf(queueArn);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    messages.stream().map(m -> new Outcome(e.getMessage())).toList());
        }
        boolean fifo = queueName.endsWith(".fifo");
        String queueUrl = baseUrl + queueName;
        CompletableFuture<List<Outcome>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (List<Message> batch : batches(messages)) {
            // FIFO order across batches needs each batch to land before the next is sent.
            all = all.thenCompose(outcomes -> sendBatch(queueUrl, fifo, batch).thenApply(more -> {
                outcomes.addAll(more);
                return outcomes;
            }));
        }
        return all;
    }

    private CompletableFuture<List<Outcome>> sendBatch(String queueUrl, boolean fifo, List<Message> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message message = batch.get(i);
            var entry = SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(message.body())
                    .messageAttributes(message.attributes());
            if (fifo) {
                entry.messageGroupId(message.messageGroupId()).messageDeduplicationId(message.deduplicationId());
            }
            entries.add(entry.build());
        }
        return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).handle((response, failure) -> {
            List<Outcome> outcomes = new ArrayList<>();
            if (failure != null) {
                String reason = reasonOf(failure);
                batch.forEach(m -> outcomes.add(new Outcome(reason)));
                return outcomes;
            }
            batch.forEach(m -> outcomes.add(Outcome.DELIVERED));
            for (BatchResultErrorEntry error : response.failed()) {
                outcomes.set(Integer.parseInt(error.id()), new Outcome(error.code() + ": " + error.message()));
            }
            return outcomes;
        });
    }

    private static String reasonOf(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static List<List<Message>> batches(List<Message> messages) {
        List<List<Message>> batches = new ArrayList<>();
        List<Message> current = new ArrayList<>();
        int bytes = 0;
        for (Message message : messages) {
            int size = message.size();
            if (!current.isEmpty() && (current.size() == MAX_BATCH_ENTRIES || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(message);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
