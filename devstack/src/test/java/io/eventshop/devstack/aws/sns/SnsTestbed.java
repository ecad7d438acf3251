package io.eventshop.devstack.aws.sns;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.devstack.aws.AwsClients;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Test fixtures for SNS against the local endpoint: topics and queues with unique names (the endpoint is shared by
 * all test classes), subscriptions, and reading what the queues received.
 */
final class SnsTestbed implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A queue as a test sees it: its URL to read from and its ARN to subscribe. */
    record Queue(String url, String arn) {}

    final LocalAwsEndpoint endpoint;
    final SnsClient sns;
    final SqsClient sqs;

    private SnsTestbed(LocalAwsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.sns = AwsClients.sns(endpoint);
        this.sqs = AwsClients.sqs(endpoint);
    }

    static SnsTestbed on(LocalAwsEndpoint endpoint) {
        return new SnsTestbed(endpoint);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String topic(String name) {
        return sns.createTopic(b -> b.name(unique(name))).topicArn();
    }

    String fifoTopic(String name, boolean contentBasedDeduplication) {
        return sns.createTopic(b -> b.name(unique(name) + ".fifo")
                        .attributes(Map.of(
                                "FifoTopic",
                                "true",
                                "ContentBasedDeduplication",
                                Boolean.toString(contentBasedDeduplication))))
                .topicArn();
    }

    Queue queue(String name) {
        String url = sqs.createQueue(b -> b.queueName(unique(name))).queueUrl();
        return new Queue(url, arnOf(url));
    }

    Queue fifoQueue(String name) {
        String url = sqs.createQueue(b ->
                        b.queueName(unique(name) + ".fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        return new Queue(url, arnOf(url));
    }

    /** The ARN of a queue that does not exist. */
    String missingQueueArn() {
        return arnFor(unique("missing"));
    }

    String arnFor(String queueName) {
        return endpoint.account().arn("sqs", queueName);
    }

    String subscribe(String topicArn, Queue queue, Map<String, String> attributes) {
        return sns.subscribe(b -> b.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(queue.arn())
                        .attributes(attributes)
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    String subscribeRaw(String topicArn, Queue queue) {
        return subscribe(topicArn, queue, Map.of("RawMessageDelivery", "true"));
    }

    /** Waits, for a bounded time, until the queue has given at least {@code count} messages, and returns them all. */
    List<Message> receive(Queue queue, int count) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            received.addAll(sqs.receiveMessage(b -> b.queueUrl(queue.url())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages());
            return received.size() >= count;
        });
        received.forEach(
                message -> sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(message.receiptHandle())));
        return received;
    }

    /**
     * Like {@link #receive}, but deletes each batch as soon as it has it: a FIFO queue gives no more of a group while
     * some of it is in flight, so this is how a test reads long groups in their order.
     */
    List<Message> receiveDeleting(Queue queue, int count) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue.url())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            batch.forEach(
                    message -> sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(message.receiptHandle())));
            received.addAll(batch);
            return received.size() >= count;
        });
        return received;
    }

    /**
     * What the queue holds right now. Publish answers only after delivery, so nothing more is on its way once it has
     * answered.
     */
    List<Message> drain(Queue queue) {
        List<Message> received = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queue.url())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .messageAttributeNames("All"))
                    .messages();
            received.addAll(batch);
        } while (!batch.isEmpty());
        return received;
    }

    List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The devstack's state page, parsed. */
    JsonNode state() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            var response = http.send(
                    HttpRequest.newBuilder(endpoint.url().resolve("/_devstack/state"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return json(response.body());
        }
    }

    /** Posts a raw awsQuery form, signed for SNS only in its credential scope, as a hand-written client might. */
    HttpResponse<String> post(String form) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(endpoint.url() + "/"))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .header(
                                    "Authorization",
                                    "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sns/aws4_request, "
                                            + "SignedHeaders=host, Signature=abc")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private String arnOf(String url) {
        return arnFor(url.substring(url.lastIndexOf('/') + 1));
    }

    @Override
    public void close() {
        sns.close();
        sqs.close();
    }
}
