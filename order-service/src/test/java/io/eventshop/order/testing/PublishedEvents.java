package io.eventshop.order.testing;

import io.eventshop.devstack.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.order.OrderEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What order-service published, as a subscriber sees it: a FIFO queue of the test's own, subscribed to the topic with
 * raw delivery and a filter policy on the order events' types. Messages are kept as they arrive, for every order.
 */
public final class PublishedEvents {

    private static final String QUEUE = "order-service-test-probe.fifo";
    private static final SqsClient SQS = SqsClient.builder()
            .endpointOverride(LocalAwsExtension.endpoint().url())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    private static final List<EventEnvelope> RECEIVED = new CopyOnWriteArrayList<>();
    private static String queueUrl;

    private final EventJson json = new EventJson();

    /** Subscribes the probe queue, once; the topic must exist, so call it once a service has provisioned it. */
    public static synchronized void subscribe() {
        if (queueUrl != null) {
            return;
        }
        queueUrl = SQS.createQueue(
                        request -> request.queueName(QUEUE).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        String queueArn = SQS.getQueueAttributes(
                        request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        SagaEvents.sns().subscribe(request -> request.topicArn(SagaEvents.topicArn())
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of(
                        "RawMessageDelivery",
                        "true",
                        "FilterPolicy",
                        "{\"eventType\":[\"OrderPlaced\",\"OrderConfirmed\",\"OrderCancelled\","
                                + "\"OrderCancellationRequested\"]}")));
    }

    /** Waits for the first event of {@code type} published for the order. */
    public <E extends OrderEvent> EventEnvelope await(UUID orderId, Class<E> type) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            drain();
                            return ofOrder(orderId).stream()
                                    .filter(envelope -> type.isInstance(envelope.data()))
                                    .findFirst();
                        },
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The events received so far for the order, in the order they were published. */
    public List<EventEnvelope> ofOrder(UUID orderId) {
        drain();
        return RECEIVED.stream()
                .filter(envelope -> orderId.equals(envelope.orderId()))
                .toList();
    }

    /** The types of the events received so far for the order. */
    public List<Class<? extends IntegrationEvent>> typesOf(UUID orderId) {
        return ofOrder(orderId).stream()
                .<Class<? extends IntegrationEvent>>map(
                        envelope -> envelope.data().getClass())
                .toList();
    }

    private synchronized void drain() {
        List<Message> messages;
        do {
            messages = SQS.receiveMessage(request ->
                            request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            for (Message message : messages) {
                RECEIVED.add(json.read(message.body()));
                SQS.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!messages.isEmpty());
    }
}
