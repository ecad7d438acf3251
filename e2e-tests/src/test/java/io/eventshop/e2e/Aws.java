package io.eventshop.e2e;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The tests' own AWS clients, pointed at the endpoint the services use, and the queues of the topology. */
final class Aws implements AutoCloseable {

    /** Each consumer's queue and its dead-letter queue, as infra/topology.yaml declares them. */
    record ConsumerQueue(String service, String name, String deadLetterQueue) {}

    static final List<ConsumerQueue> QUEUES = List.of(
            new ConsumerQueue("order-service", "order-service-events.fifo", "order-service-events-dlq.fifo"),
            new ConsumerQueue("payment-service", "payment-service-events.fifo", "payment-service-events-dlq.fifo"),
            new ConsumerQueue(
                    "inventory-service", "inventory-service-events.fifo", "inventory-service-events-dlq.fifo"),
            new ConsumerQueue("shipping-service", "shipping-service-events.fifo", "shipping-service-events-dlq.fifo"),
            new ConsumerQueue(
                    "notification-service", "notification-service-events", "notification-service-events-dlq"));

    static final String TOPIC = "order-events.fifo";
    static final String BUS = "eventshop";

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    final SqsClient sqs;
    final SnsClient sns;
    final EventBridgeClient events;

    Aws(URI endpoint) {
        this.sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .build();
        this.sns = SnsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .build();
        this.events = EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    static ConsumerQueue queueOf(String service) {
        return QUEUES.stream()
                .filter(queue -> queue.service().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue for " + service));
    }

    String queueUrl(String name) {
        return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
    }

    /** The messages in a queue: waiting, in flight and delayed. */
    int depth(String name) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl(name))
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    String topicArn() {
        return "arn:aws:sns:us-east-1:000000000000:" + TOPIC;
    }

    @Override
    public void close() {
        sqs.close();
        sns.close();
        events.close();
    }
}
