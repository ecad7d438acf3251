package io.eventshop.payment;

import io.eventshop.devstack.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The rest of the saga, as a test sees it: publishes other services' events to the topic {@code order-events.fifo},
 * the way their outbox relays do, and collects what payment-service publishes there through a queue of its own,
 * subscribed with raw delivery and a filter on the payment events.
 */
public final class SagaTestBus implements AutoCloseable {

    private static final String TOPIC = "order-events.fifo";
    private static final String PAYMENT_EVENTS =
            "{\"eventType\":[\"PaymentAuthorized\",\"PaymentDeclined\",\"PaymentRefunded\",\"PaymentRefundFailed\"]}";

    private final EventJson json = new EventJson();
    private final SnsClient sns;
    private final SqsClient sqs;
    private final String topicArn;
    private final String queueUrl;
    private final String subscriptionArn;
    private final List<Published> published = new CopyOnWriteArrayList<>();

    /** An event payment-service published, with its SNS message attributes. */
    public record Published(EventEnvelope envelope, Map<String, String> attributes) {

        public String eventType() {
            return envelope.eventType();
        }
    }

    public SagaTestBus() {
        URI endpoint = LocalAwsExtension.endpoint().url();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        sns = SnsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        topicArn = sns.listTopicsPaginator().topics().stream()
                .map(Topic::topicArn)
                .filter(arn -> arn.endsWith(":" + TOPIC))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(TOPIC + " is not provisioned"));
        queueUrl = sqs.createQueue(request -> request.queueName(
                                "payment-test-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        subscriptionArn = sns.subscribe(request -> request.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(queueArn)
                        .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", PAYMENT_EVENTS)))
                .subscriptionArn();
    }

    /** Publishes {@code envelope} as its service's relay would. */
    public void publish(EventEnvelope envelope) {
        publish(envelope, envelope.eventId().toString());
    }

    /**
     * Publishes {@code envelope} again under a new deduplication id, so that SNS delivers it a second time: what
     * happens when a relay publishes, crashes before it records the publication, and publishes again later.
     */
    public void redeliver(EventEnvelope envelope) {
        publish(envelope, UUID.randomUUID().toString());
    }

    private void publish(EventEnvelope envelope, String deduplicationId) {
        sns.publish(request -> request.topicArn(topicArn)
                .messageGroupId(envelope.orderingKey())
                .messageDeduplicationId(deduplicationId)
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(envelope.eventType())
                                .build()))
                .message(json.write(envelope)));
    }

    /** The events payment-service has published so far about {@code orderId}, in order. */
    public List<Published> publishedFor(UUID orderId) {
        receiveAvailable();
        return published.stream()
                .filter(event -> orderId.equals(event.envelope().orderId()))
                .toList();
    }

    /** The types of {@link #publishedFor}. */
    public List<String> eventTypesFor(UUID orderId) {
        return publishedFor(orderId).stream().map(Published::eventType).toList();
    }

    private synchronized void receiveAvailable() {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(0)
                        .messageAttributeNames("All"))
                .messages();
        for (Message message : messages) {
            Map<String, String> attributes = new LinkedHashMap<>();
            message.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
            published.add(new Published(json.read(message.body()), attributes));
            sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
    }

    @Override
    public void close() {
        sns.unsubscribe(request -> request.subscriptionArn(subscriptionArn));
        sqs.deleteQueue(request -> request.queueUrl(queueUrl));
        sns.close();
        sqs.close();
    }
}
