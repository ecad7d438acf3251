package io.eventshop.devstack.aws.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.devstack.aws.AwsClients;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** SDK clients of an endpoint, the queues a test makes with them, and the console's JSON and redrive calls. */
final class ConsoleTestbed implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A queue a test made: its name, URL and ARN. */
    record Queue(String name, String url, String arn) {}

    final LocalAwsEndpoint endpoint;
    final SqsClient sqs;
    final SnsClient sns;
    final EventBridgeClient events;
    private final HttpClient http = HttpClient.newHttpClient();

    ConsoleTestbed(LocalAwsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.sqs = AwsClients.sqs(endpoint);
        this.sns = AwsClients.sns(endpoint);
        this.events = AwsClients.events(endpoint);
    }

    Queue queue(String name, Map<QueueAttributeName, String> attributes) {
        String url =
                sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        return new Queue(name, url, arn);
    }

    /** A queue whose redrive policy sends a message to {@code deadLetters} after {@code maxReceiveCount} receives. */
    Queue queue(String name, Queue deadLetters, int maxReceiveCount, Map<QueueAttributeName, String> attributes) {
        var all = new java.util.HashMap<>(attributes);
        all.put(
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\",\"maxReceiveCount\":\"" + maxReceiveCount
                        + "\"}");
        return queue(name, all);
    }

    static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    /** Receives without deleting, and makes what it received visible again at once: a consumer that fails. */
    List<Message> receiveAndFail(Queue queue) {
        return sqs.receiveMessage(b -> b.queueUrl(queue.url())
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(0)
                        .waitTimeSeconds(0)
                        .messageAttributeNames("All"))
                .messages();
    }

    /** Receives and deletes everything visible in the queue now, and returns it. */
    List<Message> consumeAll(Queue queue) {
        List<Message> consumed = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queue.url())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNamesWithStrings("All"))
                    .messages();
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(m.receiptHandle())));
            consumed.addAll(batch);
        } while (!batch.isEmpty());
        return consumed;
    }

    /** The console's document, {@code GET /_devstack/api/console}. */
    JsonNode console() throws Exception {
        HttpResponse<String> response = get("/_devstack/api/console");
        if (response.statusCode() != 200) {
            throw new AssertionError("api/console answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode queueView(String name) throws Exception {
        return find(console().path("queues"), name);
    }

    JsonNode deadLetterView(String name) throws Exception {
        return find(console().path("deadLetterQueues"), name);
    }

    static JsonNode find(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> node.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + array));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(endpoint.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Presses the redrive button as the page does: a JSON POST from the page's own origin. */
    HttpResponse<String> redrive(String deadLetterQueue, String destination) throws Exception {
        String body = destination == null ? "{}" : "{\"destination\":\"" + destination + "\"}";
        return post(
                "/_devstack/api/queues/" + deadLetterQueue + "/redrive",
                body,
                "Content-Type",
                "application/json",
                "Origin",
                "http://localhost:" + endpoint.port());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        var request =
                HttpRequest.newBuilder(endpoint.url().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        http.close();
        sqs.close();
        sns.close();
        events.close();
    }
}
