package io.eventshop.messaging.topology;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.DeadLetterQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates SQS queues, or brings an existing queue's attributes in line. CreateQueue fails for an existing queue
 * with other attributes, so this looks a queue up first and sets only the attributes that differ.
 */
final class QueueProvisioning {

    /** JSON-valued attributes, compared as documents rather than as strings. */
    private static final List<QueueAttributeName> JSON_ATTRIBUTES =
            List.of(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.POLICY);

    private final SqsClient sqs;

    QueueProvisioning(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** The dead-letter queue's attributes. */
    static Map<QueueAttributeName, String> attributesOf(DeadLetterQueue dlq, boolean fifo) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(dlq.messageRetentionSeconds()));
        return attributes;
    }

    /** The source queue's attributes, with the redrive policy to its DLQ and the access policy for its senders. */
    static Map<QueueAttributeName, String> attributesOf(ConsumerQueue queue, String dlqArn, JsonNode accessPolicy) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            putIfPresent(attributes, QueueAttributeName.DEDUPLICATION_SCOPE, queue.deduplicationScope());
            putIfPresent(attributes, QueueAttributeName.FIFO_THROUGHPUT_LIMIT, queue.fifoThroughputLimit());
        }
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(queue.visibilityTimeoutSeconds()));
        attributes.put(
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, String.valueOf(queue.receiveWaitTimeSeconds()));
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(queue.messageRetentionSeconds()));
        ObjectNode redrive = JsonNodeFactory.instance.objectNode();
        redrive.put("deadLetterTargetArn", dlqArn);
        redrive.put("maxReceiveCount", queue.deadLetterQueue().maxReceiveCount());
        attributes.put(QueueAttributeName.REDRIVE_POLICY, JsonDocuments.write(redrive));
        if (accessPolicy != null) {
            attributes.put(QueueAttributeName.POLICY, JsonDocuments.write(accessPolicy));
        }
        return attributes;
    }

    /** Creates the queue or updates its attributes, and returns its ARN. */
    String apply(String name, Map<QueueAttributeName, String> desired, ProvisioningReport.Recorder report) {
        Optional<String> url = urlOf(name);
        if (url.isEmpty()) {
            String created = sqs.createQueue(request -> request.queueName(name).attributes(desired))
                    .queueUrl();
            report.created(ResourceKind.SQS_QUEUE, name);
            return arnAt(created);
        }
        Map<QueueAttributeName, String> actual = sqs.getQueueAttributes(
                        request -> request.queueUrl(url.get()).attributeNames(QueueAttributeName.ALL))
                .attributes();
        Map<QueueAttributeName, String> differing = new LinkedHashMap<>();
        desired.forEach((attribute, value) -> {
            if (updatable(attribute, actual) && !same(attribute, actual.get(attribute), value)) {
                differing.put(attribute, value);
            }
        });
        if (!differing.isEmpty()) {
            sqs.setQueueAttributes(request -> request.queueUrl(url.get()).attributes(differing));
            report.updated(ResourceKind.SQS_QUEUE, name, "set " + differing.keySet());
        }
        return actual.get(QueueAttributeName.QUEUE_ARN);
    }

    /** Whether the queue exists. */
    boolean exists(String name) {
        return urlOf(name).isPresent();
    }

    /** The ARN of the queue, if it exists. */
    Optional<String> arnOf(String name) {
        return urlOf(name).map(this::arnAt);
    }

    private Optional<String> urlOf(String name) {
        try {
            return Optional.of(
                    sqs.getQueueUrl(request -> request.queueName(name)).queueUrl());
        } catch (QueueDoesNotExistException e) {
            return Optional.empty();
        }
    }

    private String arnAt(String url) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /**
     * Whether an existing queue's attribute can be compared and set. FifoQueue cannot change after creation (the
     * name ending in .fifo fixes it anyway). An attribute the endpoint does not report cannot be compared: ElasticMQ
     * accepts DeduplicationScope, FifoThroughputLimit, MessageRetentionPeriod and Policy at creation but neither
     * reports nor updates them, so they are left as created. AWS reports each of them once set.
     */
    private static boolean updatable(QueueAttributeName attribute, Map<QueueAttributeName, String> actual) {
        return attribute != QueueAttributeName.FIFO_QUEUE && actual.containsKey(attribute);
    }

    private static boolean same(QueueAttributeName attribute, String actual, String desired) {
        if (JSON_ATTRIBUTES.contains(attribute)) {
            return JsonDocuments.same(actual, JsonDocuments.read(desired));
        }
        return desired.equals(actual);
    }

    private static void putIfPresent(Map<QueueAttributeName, String> attributes, QueueAttributeName name, String v) {
        if (v != null) {
            attributes.put(name, v);
        }
    }
}
