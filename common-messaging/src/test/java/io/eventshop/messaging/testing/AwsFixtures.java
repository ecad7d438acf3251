package io.eventshop.messaging.testing;

import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the AWS resources a test needs (topics, queues, subscriptions, buses, rules) on the local endpoint, and reads
 * what arrives in queues. Provisioning from the topology is not this module's tests' concern.
 */
public final class AwsFixtures implements AutoCloseable {

    private final SqsClient sqs;
    private final SnsClient sns;
    private final EventBridgeClient events;

    public AwsFixtures(LocalAwsEndpoint endpoint) {
        this(endpoint.url());
    }

    public AwsFixtures(URI endpoint) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        this.sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        this.sns = SnsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        this.events = EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SnsClient sns() {
        return sns;
    }

    public EventBridgeClient events() {
        return events;
    }

    public String fifoTopic(String name) {
        return sns.createTopic(request -> request.name(name).attributes(Map.of("FifoTopic", "true")))
                .topicArn();
    }

    public String queue(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(request -> request.queueName(name).attributes(attributes))
                .queueUrl();
    }

    public String fifoQueue(String name) {
        return queue(name, Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
    }

    /** A standard queue whose messages move to {@code <name>-dlq} after {@code maxReceiveCount} receives. */
    public String queueWithDeadLetterQueue(String name, int maxReceiveCount, int visibilityTimeoutSeconds) {
        String deadLetterQueue = queue(name + "-dlq", Map.of());
        String redrivePolicy = "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":%d}"
                .formatted(arnOf(deadLetterQueue), maxReceiveCount);
        return queue(
                name,
                Map.of(
                        QueueAttributeName.REDRIVE_POLICY,
                        redrivePolicy,
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        Integer.toString(visibilityTimeoutSeconds)));
    }

    public String queueUrl(String name) {
        return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
    }

    public String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** Subscribes {@code queueUrl} to the topic with raw delivery: SNS attributes become SQS attributes. */
    public void subscribeRaw(String topicArn, String queueUrl) {
        sns.subscribe(request -> request.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(arnOf(queueUrl))
                .attributes(Map.of("RawMessageDelivery", "true")));
    }

    /** Creates {@code bus} with a rule that sends every event from {@code source} to {@code queueUrl}. */
    public void busToQueue(String bus, String source, String queueUrl) {
        events.createEventBus(request -> request.name(bus));
        events.putRule(request ->
                request.name("all-to-" + bus).eventBusName(bus).eventPattern("{\"source\":[\"" + source + "\"]}"));
        events.putTargets(
                request -> request.rule("all-to-" + bus).eventBusName(bus).targets(target -> target.id("queue")
                        .arn(arnOf(queueUrl))));
    }

    /** Receives until {@code count} messages have arrived (within 20 seconds), deleting each. */
    public List<Message> receive(String queueUrl, int count) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(receiveAvailable(queueUrl));
            return received.size() >= count;
        });
        return received;
    }

    /** Receives what is available now, waiting at most one second, and deletes it. */
    public List<Message> receiveAvailable(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        messages.forEach(message ->
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
        return messages;
    }

    /** The messages in the queue, visible or in flight. */
    public int messagesIn(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() {
        sqs.close();
        sns.close();
        events.close();
    }
}
