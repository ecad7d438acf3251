package io.eventshop.devstack.aws.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.devstack.aws.AwsClients;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A small DSL over the SDK clients for the EventBridge conformance tests: unique names (the endpoint is shared by all
 * test classes), queues to deliver to, rules with targets, and reading what arrived.
 */
final class EventBridgeFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final LocalAwsEndpoint endpoint;
    final EventBridgeClient events;
    final SqsClient sqs;

    EventBridgeFixture(LocalAwsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.events = AwsClients.events(endpoint);
        this.sqs = AwsClients.sqs(endpoint);
    }

    /** A queue that an EventBridge target can name by ARN. */
    record Queue(String name, String url, String arn) {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Queue queue(String prefix) {
        String name = unique(prefix);
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        return new Queue(name, url, endpoint.account().arn("sqs", name));
    }

    Queue fifoQueue(String prefix) {
        String name = unique(prefix) + ".fifo";
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        return new Queue(name, url, endpoint.account().arn("sqs", name));
    }

    /** An ARN for a queue that does not exist, so that deliveries to it fail. */
    String missingQueueArn() {
        return endpoint.account().arn("sqs", unique("missing"));
    }

    String bus() {
        String name = unique("bus");
        events.createEventBus(b -> b.name(name));
        return name;
    }

    /** A rule on the bus that sends its events to the targets; returns the rule's ARN. */
    String rule(String bus, String ruleName, String pattern, Target... targets) {
        String arn = events.putRule(b -> b.name(ruleName).eventBusName(bus).eventPattern(pattern))
                .ruleArn();
        if (targets.length > 0) {
            var response =
                    events.putTargets(b -> b.rule(ruleName).eventBusName(bus).targets(targets));
            assertThat(response.failedEntryCount()).isZero();
        }
        return arn;
    }

    static Target target(String id, Queue queue) {
        return Target.builder().id(id).arn(queue.arn()).build();
    }

    static PutEventsRequestEntry entry(String bus, String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder()
                .eventBusName(bus)
                .source(source)
                .detailType(detailType)
                .detail(detail)
                .build();
    }

    /** Puts the entries and checks that every one was accepted; returns their event ids. */
    List<String> put(PutEventsRequestEntry... entries) {
        var response = events.putEvents(b -> b.entries(entries));
        assertThat(response.failedEntryCount()).as("%s", response.entries()).isZero();
        return response.entries().stream().map(e -> e.eventId()).toList();
    }

    /** Waits until the queue has given exactly {@code count} messages, and deletes them. */
    List<Message> receive(Queue queue, int count) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var messages = sqs.receiveMessage(b -> b.queueUrl(queue.url())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)
                            .messageAttributeNames("All"))
                    .messages();
            received.addAll(messages);
            messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queue.url()).receiptHandle(m.receiptHandle())));
            return received.size() >= count;
        });
        assertThat(received).hasSize(count);
        return received;
    }

    List<String> bodies(Queue queue, int count) {
        return receive(queue, count).stream().map(Message::body).toList();
    }

    /** Checks that the queue holds nothing; the deliveries are synchronous, so nothing can be on its way. */
    void assertEmpty(Queue queue) {
        var messages = sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10))
                .messages();
        assertThat(messages).isEmpty();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Asserts that the call fails with AWS's error code and HTTP status, and returns the exception. */
    static AwsServiceException assertAwsError(ThrowingCallable call, String errorCode, int status) {
        AwsServiceException error = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(error).as("expected %s", errorCode).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        assertThat(error.statusCode()).isEqualTo(status);
        return error;
    }

    @Override
    public void close() {
        events.close();
        sqs.close();
    }
}
