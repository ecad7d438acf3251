package io.eventshop.devstack.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

@ExtendWith(LocalAwsExtension.class)
class DeliveryIntegrationTests {

    private SnsTestbed testbed;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        testbed = SnsTestbed.on(endpoint);
    }

    @AfterEach
    void disconnect() {
        testbed.close();
    }

    @Test
    void withoutRawDeliveryTheQueueGetsTheSnsEnvelope() {
        String topicArn = testbed.topic("enveloped");
        var queue = testbed.queue("enveloped");
        String subscriptionArn = testbed.subscribe(topicArn, queue, Map.of());
        Instant before = Instant.now().minusSeconds(1);

        String messageId = testbed.sns
                .publish(b -> b.topicArn(topicArn)
                        .subject("Order placed")
                        .message("{\"orderId\":\"o-1\"}")
                        .messageAttributes(Map.of(
                                "kind", string("OrderPlaced"),
                                "total", number("12.50"),
                                "blob", binary("hi"))))
                .messageId();

        var received = testbed.receive(queue, 1);
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.messageAttributes()).isEmpty();
            JsonNode envelope = SnsTestbed.json(message.body());
            assertThat(fieldNames(envelope))
                    .containsExactly(
                            "Type",
                            "MessageId",
                            "TopicArn",
                            "Subject",
                            "Message",
                            "Timestamp",
                            "SignatureVersion",
                            "Signature",
                            "SigningCertURL",
                            "UnsubscribeURL",
                            "MessageAttributes");
            assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
            assertThat(envelope.get("TopicArn").asText()).isEqualTo(topicArn);
            assertThat(envelope.get("Subject").asText()).isEqualTo("Order placed");
            assertThat(envelope.get("Message").asText()).isEqualTo("{\"orderId\":\"o-1\"}");
            assertThat(envelope.get("Timestamp").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Instant.parse(envelope.get("Timestamp").asText())).isBetween(before, Instant.now());
            assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
            assertThat(Base64.getDecoder().decode(envelope.get("Signature").asText()))
                    .isNotEmpty();
            assertThat(envelope.get("SigningCertURL").asText()).startsWith("https://sns.us-east-1.amazonaws.com/");
            assertThat(envelope.get("UnsubscribeURL").asText())
                    .startsWith(testbed.endpoint.url() + "/?Action=Unsubscribe&SubscriptionArn=")
                    .contains(subscriptionArn.replace(":", "%3A"));
            JsonNode attributes = envelope.get("MessageAttributes");
            assertThat(attributes.get("kind").get("Type").asText()).isEqualTo("String");
            assertThat(attributes.get("kind").get("Value").asText()).isEqualTo("OrderPlaced");
            assertThat(attributes.get("total").get("Type").asText()).isEqualTo("Number");
            assertThat(attributes.get("total").get("Value").asText()).isEqualTo("12.50");
            assertThat(attributes.get("blob").get("Type").asText()).isEqualTo("Binary");
            assertThat(attributes.get("blob").get("Value").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString("hi".getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void theEnvelopeLeavesOutSubjectAndAttributesWhenThereAreNone() {
        String topicArn = testbed.topic("plain");
        var queue = testbed.queue("plain");
        testbed.subscribe(topicArn, queue, Map.of());

        testbed.sns.publish(b -> b.topicArn(topicArn).message("hello <world> & \"you\""));

        JsonNode envelope = SnsTestbed.json(testbed.receive(queue, 1).getFirst().body());
        assertThat(envelope.has("Subject")).isFalse();
        assertThat(envelope.has("MessageAttributes")).isFalse();
        assertThat(envelope.get("Message").asText()).isEqualTo("hello <world> & \"you\"");
    }

    @Test
    void rawDeliveryPassesTheMessageAndItsAttributesThroughAsSqsAttributes() {
        String topicArn = testbed.topic("raw");
        var queue = testbed.queue("raw");
        testbed.subscribeRaw(topicArn, queue);

        testbed.sns.publish(b -> b.topicArn(topicArn)
                .message("plain text")
                .messageAttributes(Map.of(
                        "traceparent", string("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                        "total", number("12.50"),
                        "tags",
                                MessageAttributeValue.builder()
                                        .dataType("String.Array")
                                        .stringValue("[\"a\",\"b\"]")
                                        .build(),
                        "blob", binary("hi"))));

        var message = testbed.receive(queue, 1).getFirst();
        assertThat(message.body()).isEqualTo("plain text");
        var attributes = message.messageAttributes();
        assertThat(attributes.get("traceparent").dataType()).isEqualTo("String");
        assertThat(attributes.get("traceparent").stringValue())
                .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(attributes.get("total").dataType()).isEqualTo("Number");
        assertThat(attributes.get("total").stringValue()).isEqualTo("12.50");
        assertThat(attributes.get("tags").dataType()).isEqualTo("String.Array");
        assertThat(attributes.get("tags").stringValue()).isEqualTo("[\"a\",\"b\"]");
        assertThat(attributes.get("blob").dataType()).isEqualTo("Binary");
        assertThat(attributes.get("blob").binaryValue().asUtf8String()).isEqualTo("hi");
    }

    @Test
    void rawDeliveryOfMoreThanTenAttributesFailsForThatSubscriptionOnly() throws Exception {
        String topicArn = testbed.topic("many-attributes");
        var raw = testbed.queue("raw");
        var enveloped = testbed.queue("enveloped");
        String rawSubscription = testbed.subscribeRaw(topicArn, raw);
        testbed.subscribe(topicArn, enveloped, Map.of());
        Map<String, MessageAttributeValue> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("a" + i, string("v"));
        }

        testbed.sns.publish(b -> b.topicArn(topicArn).message("busy").messageAttributes(eleven));

        assertThat(testbed.receive(enveloped, 1)).hasSize(1);
        assertThat(testbed.drain(raw)).isEmpty();
        assertThat(subscriptionState(rawSubscription).get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void aDeliveryThatFailsIsCountedAndRedrivenToTheDeadLetterQueueWithoutFailingThePublish() throws Exception {
        String topicArn = testbed.topic("redriven");
        var deadLetters = testbed.queue("dead-letters");
        var healthy = testbed.queue("healthy");
        String broken = testbed.sns
                .subscribe(b -> b.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(testbed.missingQueueArn())
                        .attributes(Map.of(
                                "RawMessageDelivery",
                                "true",
                                "RedrivePolicy",
                                "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\"}")))
                .subscriptionArn();
        String working = testbed.subscribeRaw(topicArn, healthy);

        String messageId =
                testbed.sns.publish(b -> b.topicArn(topicArn).message("lost?")).messageId();

        assertThat(messageId).isNotBlank();
        assertThat(testbed.bodies(testbed.receive(deadLetters, 1))).containsExactly("lost?");
        assertThat(testbed.bodies(testbed.receive(healthy, 1))).containsExactly("lost?");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode brokenState = subscriptionState(broken);
            assertThat(brokenState.get("failed").asInt()).isEqualTo(1);
            assertThat(brokenState.get("deadLettered").asInt()).isEqualTo(1);
            assertThat(brokenState.get("delivered").asInt()).isZero();
            assertThat(subscriptionState(working).get("delivered").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aMessageThatSqsWouldRefuseIsCountedAsFailedAndNotDelivered() throws Exception {
        String topicArn = testbed.topic("refused");
        var queue = testbed.queue("refused");
        String subscription = testbed.subscribeRaw(topicArn, queue);

        // SNS takes any text; SQS refuses control characters such as BEL in a message body.
        testbed.sns.publish(b -> b.topicArn(topicArn).message("ring the bell \u0007"));
        testbed.sns.publish(b -> b.topicArn(topicArn).message("fine"));

        assertThat(testbed.bodies(testbed.receive(queue, 1))).containsExactly("fine");
        JsonNode state = subscriptionState(subscription);
        assertThat(state.get("failed").asInt()).isEqualTo(1);
        assertThat(state.get("delivered").asInt()).isEqualTo(1);
    }

    @Test
    void aFailedDeliveryWithoutRedrivePolicyIsOnlyCounted() throws Exception {
        String topicArn = testbed.topic("dropped");
        String broken = testbed.sns
                .subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(testbed.missingQueueArn()))
                .subscriptionArn();

        testbed.sns.publish(b -> b.topicArn(topicArn).message("dropped"));

        assertThat(subscriptionState(broken).get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void theStatePageListsTopicsAndSubscriptions() throws Exception {
        String topicArn = testbed.topic("visible");
        String subscriptionArn = testbed.subscribeRaw(topicArn, testbed.queue("visible"));

        JsonNode state = testbed.state();

        assertThat(state.get("topics").findValuesAsText("topicArn")).contains(topicArn);
        assertThat(state.get("subscriptions").findValuesAsText("subscriptionArn"))
                .contains(subscriptionArn);
    }

    @Test
    void messageStructureJsonSendsTheSqsEntryOrTheDefault() {
        String topicArn = testbed.topic("structured");
        var queue = testbed.queue("structured");
        testbed.subscribeRaw(topicArn, queue);

        testbed.sns.publish(b -> b.topicArn(topicArn)
                .messageStructure("json")
                .message("{\"default\":\"for everyone\",\"sqs\":\"for queues\"}"));
        testbed.sns.publish(
                b -> b.topicArn(topicArn).messageStructure("json").message("{\"default\":\"for everyone\"}"));

        assertThat(testbed.bodies(testbed.receive(queue, 2))).containsExactlyInAnyOrder("for queues", "for everyone");
    }

    private JsonNode subscriptionState(String subscriptionArn) throws Exception {
        for (JsonNode subscription : testbed.state().get("subscriptions")) {
            if (subscription.get("subscriptionArn").asText().equals(subscriptionArn)) {
                return subscription;
            }
        }
        throw new AssertionError("no subscription " + subscriptionArn + " on the state page");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(value)
                .build();
    }

    static MessageAttributeValue binary(String value) {
        return MessageAttributeValue.builder()
                .dataType("Binary")
                .binaryValue(SdkBytes.fromUtf8String(value))
                .build();
    }
}
