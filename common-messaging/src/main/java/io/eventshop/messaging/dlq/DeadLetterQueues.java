package io.eventshop.messaging.dlq;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The dead-letter queues of one service, taken from the topology: the DLQs of the queues it consumes. Lists them and
 * their messages without consuming them, and redrives messages to the source queue.
 *
 * <p>A whole standard DLQ is redriven by an SQS message move task. A FIFO DLQ, and a chosen set of messages, are
 * redriven by receiving, sending to the source queue and deleting: SQS long supported move tasks only for standard
 * queues, and not every endpoint (LocalStack, older ElasticMQ) supports them for FIFO ones. Resending keeps each
 * message's group, so order within an order's events holds, and gives it a new deduplication id, since the source
 * queue may still remember the original one.
 */
public class DeadLetterQueues {

    /** The message attribute in which a consumer records why it sent a message to the DLQ. */
    public static final String FAILURE_REASON_ATTRIBUTE = "eventshop.failure.reason";

    /** Attributes a consumer adds on failure; a redriven message is a new attempt, so they are dropped. */
    static final String FAILURE_ATTRIBUTE_PREFIX = "eventshop.failure.";

    private final SqsClient sqs;
    private final Topology topology;
    private final String consumer;
    private final DeadLetterScan scan;

    /**
     * @param consumer the service whose dead-letter queues these are, as named in the topology
     */
    public DeadLetterQueues(SqsClient sqs, Topology topology, String consumer) {
        this.sqs = sqs;
        this.topology = topology;
        this.consumer = consumer;
        this.scan = new DeadLetterScan(sqs);
    }

    /** This service's dead-letter queues with their depth. */
    public List<DeadLetterQueueSummary> list() {
        return sourceQueues().stream().map(this::summarize).toList();
    }

    /**
     * Up to {@code max} messages of the DLQ, left in it. Each peek counts as a receive in their receive count.
     *
     * @throws UnknownDeadLetterQueueException if the name is not one of this service's DLQs
     */
    public List<DeadLetter> peek(String deadLetterQueue, int max) {
        if (max < 1 || max > 100) {
            throw new IllegalArgumentException("max must be between 1 and 100 (was " + max + ")");
        }
        String url = urlOf(sourceOf(deadLetterQueue).deadLetterQueue().name());
        List<Message> messages = scan.receive(url, max);
        scan.release(url, messages);
        return messages.stream().map(DeadLetterQueues::toDeadLetter).toList();
    }

    /** Sends every message of the DLQ back to its source queue. */
    public RedriveResult redriveAll(String deadLetterQueue) {
        ConsumerQueue source = sourceOf(deadLetterQueue);
        String dlqUrl = urlOf(deadLetterQueue);
        if (!source.fifo()) {
            String taskHandle = sqs.startMessageMoveTask(
                            request -> request.sourceArn(arnOf(dlqUrl)).destinationArn(arnOf(urlOf(source.name()))))
                    .taskHandle();
            return new RedriveResult(List.of(), List.of(), taskHandle);
        }
        String sourceUrl = urlOf(source.name());
        List<String> redriven = new ArrayList<>();
        for (List<Message> batch = scan.receiveBatch(dlqUrl); !batch.isEmpty(); batch = scan.receiveBatch(dlqUrl)) {
            batch.forEach(message -> redriven.add(scan.resend(dlqUrl, sourceUrl, message)));
        }
        return new RedriveResult(redriven, List.of(), null);
    }

    /**
     * Sends the chosen messages of the DLQ back to its source queue, and leaves the others. In a FIFO DLQ a message
     * is reachable only once the earlier messages of its group are, so ids behind an unchosen message of their group
     * are reported as not found.
     */
    public RedriveResult redrive(String deadLetterQueue, Collection<String> messageIds) {
        ConsumerQueue source = sourceOf(deadLetterQueue);
        String dlqUrl = urlOf(deadLetterQueue);
        String sourceUrl = urlOf(source.name());
        Set<String> wanted = new LinkedHashSet<>(messageIds);
        List<String> redriven = new ArrayList<>();
        List<Message> skipped = new ArrayList<>();
        for (List<Message> batch = scan.receiveBatch(dlqUrl);
                !batch.isEmpty() && redriven.size() < wanted.size();
                batch = scan.receiveBatch(dlqUrl)) {
            for (Message message : batch) {
                if (wanted.contains(message.messageId())) {
                    redriven.add(scan.resend(dlqUrl, sourceUrl, message));
                } else {
                    skipped.add(message);
                }
            }
        }
        scan.release(dlqUrl, skipped);
        List<String> notFound =
                wanted.stream().filter(id -> !redriven.contains(id)).toList();
        return new RedriveResult(redriven, notFound, null);
    }

    private DeadLetterQueueSummary summarize(ConsumerQueue source) {
        String name = source.deadLetterQueue().name();
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(urlOf(name))
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return new DeadLetterQueueSummary(
                name,
                source.name(),
                source.fifo(),
                source.deadLetterQueue().maxReceiveCount(),
                Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
                Long.parseLong(
                        attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
    }

    private List<ConsumerQueue> sourceQueues() {
        return topology.queues().stream()
                .filter(queue -> queue.consumer().equals(consumer))
                .toList();
    }

    private ConsumerQueue sourceOf(String deadLetterQueue) {
        return sourceQueues().stream()
                .filter(queue -> queue.deadLetterQueue().name().equals(deadLetterQueue))
                .findFirst()
                .orElseThrow(() -> new UnknownDeadLetterQueueException(
                        deadLetterQueue,
                        consumer,
                        sourceQueues().stream()
                                .map(queue -> queue.deadLetterQueue().name())
                                .toList()));
    }

    private String urlOf(String queueName) {
        return sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static DeadLetter toDeadLetter(Message message) {
        Map<String, String> attributes = new TreeMap<>();
        message.messageAttributes().forEach((name, value) -> {
            if (value.stringValue() != null) {
                attributes.put(name, value.stringValue());
            }
        });
        Map<MessageSystemAttributeName, String> system = message.attributes();
        return new DeadLetter(
                message.messageId(),
                message.body(),
                attributes,
                attributes.get(FAILURE_REASON_ATTRIBUTE),
                Integer.parseInt(system.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                system.get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
    }
}
