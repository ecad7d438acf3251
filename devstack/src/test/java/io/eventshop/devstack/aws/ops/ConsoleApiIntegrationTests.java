package io.eventshop.devstack.aws.ops;

import static io.eventshop.devstack.aws.ops.ConsoleTestbed.find;
import static io.eventshop.devstack.aws.ops.ConsoleTestbed.json;
import static io.eventshop.devstack.aws.ops.ConsoleTestbed.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The console's JSON and its redrive, through HTTP on the endpoint's port, against queues made with the AWS SDK. */
@ExtendWith(LocalAwsExtension.class)
class ConsoleApiIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private ConsoleTestbed testbed;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        testbed = new ConsoleTestbed(endpoint);
    }

    @AfterEach
    void disconnect() {
        testbed.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aQueueShowsWhatGetQueueAttributesCountsAndTheAgeOfItsOldestMessage() throws Exception {
        var queue = testbed.queue(unique("depths"), Map.of());
        var delayed = testbed.queue(unique("delayed"), Map.of(QueueAttributeName.DELAY_SECONDS, "60"));
        assertThat(testbed.queueView(queue.name()).path("oldestSentAt").isNull())
                .isTrue();

        Instant before = Instant.now().minusMillis(5);
        testbed.sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody("first"));
        testbed.sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody("second"));
        testbed.sqs.sendMessage(b -> b.queueUrl(delayed.url()).messageBody("later"));
        testbed.sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(1));

        JsonNode view = testbed.queueView(queue.name());
        assertThat(view.path("visible").asLong()).isEqualTo(1);
        assertThat(view.path("inFlight").asLong()).isEqualTo(1);
        assertThat(view.path("delayed").asLong()).isZero();
        assertThat(view.path("deadLetterQueue").asBoolean()).isFalse();
        assertThat(Instant.parse(view.path("oldestSentAt").asText())).isBetween(before, Instant.now());
        assertThat(testbed.queueView(delayed.name()).path("delayed").asLong()).isEqualTo(1);
    }

    @Test
    void aDeadLetterQueueShowsItsMessagesWithTheirReasonsWithoutReceivingThem() throws Exception {
        var deadLetters = testbed.queue(unique("shown-dlq"), Map.of());
        var source = testbed.queue(unique("shown"), deadLetters, 2, Map.of());

        // A consumer that fails twice: SQS moves the message on the receive after maxReceiveCount.
        testbed.sqs.sendMessage(b -> b.queueUrl(source.url()).messageBody("{\"n\":1}"));
        testbed.receiveAndFail(source);
        testbed.receiveAndFail(source);
        assertThat(testbed.receiveAndFail(source)).isEmpty();
        // A consumer that gives up at once, saying why, as eventshop's listener does.
        testbed.sqs.sendMessage(b -> b.queueUrl(deadLetters.url())
                .messageBody("{\"n\":2}")
                .messageAttributes(Map.of(
                        "app.failure.reason", text("no such product: p-9"),
                        "eventType", text("OrderPlaced"))));

        JsonNode sourceView = testbed.queueView(source.name());
        assertThat(sourceView.path("redrivePolicy").path("deadLetterQueue").asText())
                .isEqualTo(deadLetters.name());
        assertThat(sourceView.path("redrivePolicy").path("maxReceiveCount").asInt())
                .isEqualTo(2);
        assertThat(testbed.queueView(deadLetters.name()).path("deadLetterQueue").asBoolean())
                .isTrue();
        JsonNode view = testbed.deadLetterView(deadLetters.name());
        assertThat(view.path("messageCount").asLong()).isEqualTo(2);
        assertThat(view.path("sourceQueues").get(0).asText()).isEqualTo(source.name());
        JsonNode moved = view.path("messages").get(0);
        assertThat(moved.path("body").asText()).isEqualTo("{\"n\":1}");
        assertThat(moved.path("receiveCount").asInt()).isEqualTo(2);
        assertThat(moved.path("reason").asText())
                .isEqualTo("received 2 times from " + source.name()
                        + " without being deleted (its redrive policy's maxReceiveCount)");
        JsonNode givenUp = view.path("messages").get(1);
        assertThat(givenUp.path("reason").asText()).isEqualTo("no such product: p-9");
        assertThat(givenUp.path("attributes").path("eventType").asText()).isEqualTo("OrderPlaced");
        assertThat(givenUp.path("receiveCount").asInt()).isZero();

        // Looking received nothing: the counts stay, and a consumer of the DLQ gets both messages at once.
        JsonNode again = testbed.deadLetterView(deadLetters.name());
        assertThat(again.path("messages").get(0).path("receiveCount").asInt()).isEqualTo(2);
        assertThat(again.path("messages").get(1).path("receiveCount").asInt()).isZero();
        assertThat(testbed.consumeAll(deadLetters)).hasSize(2);
        assertThat(testbed.deadLetterView(deadLetters.name()).path("messages")).isEmpty();
    }

    @Test
    void theRedriveOfAStandardQueueIsAMessageMoveTaskBackToItsSourceQueue() throws Exception {
        var deadLetters = testbed.queue(unique("move-dlq"), Map.of());
        var source = testbed.queue(unique("move"), deadLetters, 1, Map.of());
        testbed.sqs.sendMessage(b -> b.queueUrl(source.url())
                .messageBody("poison")
                .messageAttributes(Map.of("app.failure.reason", text("bad"))));
        testbed.receiveAndFail(source);
        testbed.receiveAndFail(source);
        assertThat(testbed.deadLetterView(deadLetters.name())
                        .path("messageCount")
                        .asLong())
                .isEqualTo(1);

        var response = testbed.redrive(deadLetters.name(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response.body()).path("method").asText()).isEqualTo("StartMessageMoveTask");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(testbed.queueView(source.name()).path("visible").asLong())
                    .isEqualTo(1);
            JsonNode view = testbed.deadLetterView(deadLetters.name());
            assertThat(view.path("messageCount").asLong()).isZero();
            assertThat(view.path("messages")).isEmpty();
            assertThat(view.path("moveTask").path("status").asText()).isEqualTo("COMPLETED");
            assertThat(view.path("moveTask").path("moved").asLong()).isEqualTo(1);
        });
        List<Message> back = testbed.consumeAll(source);
        assertThat(back).extracting(Message::body).containsExactly("poison");
        assertThat(testbed.queueView(source.name()).path("oldestSentAt").isNull())
                .isTrue();
    }

    @Test
    void theRedriveOfAFifoQueueResendsItsMessagesSoThatOneCanFailAndComeBackAgain() throws Exception {
        var deadLetters = testbed.queue(unique("fifo-dlq") + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        var source =
                testbed.queue(unique("fifo") + ".fifo", deadLetters, 1, Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        testbed.sqs.sendMessage(b -> b.queueUrl(source.url())
                .messageBody("order o-1")
                .messageGroupId("o-1")
                .messageDeduplicationId("m-1"));

        // Twice within the five minutes in which a FIFO queue remembers deduplication ids: it comes back both times.
        for (int round = 1; round <= 2; round++) {
            testbed.receiveAndFail(source);
            testbed.receiveAndFail(source);
            assertThat(testbed.deadLetterView(deadLetters.name())
                            .path("messageCount")
                            .asLong())
                    .as("round %d", round)
                    .isEqualTo(1);

            var response = testbed.redrive(deadLetters.name(), source.name());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response.body()).path("redriven").asInt()).isEqualTo(1);
            assertThat(testbed.deadLetterView(deadLetters.name())
                            .path("messageCount")
                            .asLong())
                    .isZero();
            assertThat(testbed.queueView(source.name()).path("visible").asLong())
                    .isEqualTo(1);
        }
        List<Message> back = testbed.consumeAll(source);
        assertThat(back).extracting(Message::body).containsExactly("order o-1");
        assertThat(back.getFirst().attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .isEqualTo("o-1");
    }

    @Test
    void theRedriveIsRefusedWhereItCannotGoAndToOtherSites() throws Exception {
        var deadLetters = testbed.queue(unique("refused-dlq"), Map.of());
        var first = testbed.queue(unique("first"), deadLetters, 3, Map.of());
        testbed.queue(unique("second"), deadLetters, 3, Map.of());
        var plain = testbed.queue(unique("plain"), Map.of());
        String path = "/_devstack/api/queues/" + deadLetters.name() + "/redrive";

        assertThat(testbed.redrive(deadLetters.name(), null).statusCode()).isEqualTo(400);
        assertThat(testbed.redrive(deadLetters.name(), plain.name()).statusCode())
                .isEqualTo(400);
        assertThat(testbed.redrive(plain.name(), null).statusCode()).isEqualTo(409);
        assertThat(testbed.redrive("no-such-queue", null).statusCode()).isEqualTo(404);
        assertThat(testbed.get(path).statusCode()).isEqualTo(405);
        // A form that another site's page could post, and a request that names another origin.
        assertThat(testbed.post(
                                path,
                                "destination=" + first.name(),
                                "Content-Type",
                                "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(415);
        assertThat(testbed.post(
                                path,
                                "{\"destination\":\"" + first.name() + "\"}",
                                "Content-Type",
                                "application/json",
                                "Origin",
                                "http://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(testbed.redrive(deadLetters.name(), first.name()).statusCode())
                .isEqualTo(202);
    }

    @Test
    void topicsShowTheirSubscriptionsFilterPoliciesAndCounts() throws Exception {
        var matched = testbed.queue(unique("matched"), Map.of());
        var everything = testbed.queue(unique("everything"), Map.of());
        String topicName = unique("topic");
        String topicArn = testbed.sns.createTopic(b -> b.name(topicName)).topicArn();
        String policy = "{\"eventType\":[\"OrderPlaced\"]}";
        testbed.sns.subscribe(b -> b.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(matched.arn())
                .attributes(Map.of("FilterPolicy", policy, "RawMessageDelivery", "true")));
        testbed.sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(everything.arn()));

        for (String type : List.of("OrderPlaced", "OrderCancelled", "OrderPlaced")) {
            testbed.sns.publish(b -> b.topicArn(topicArn)
                    .message("{}")
                    .messageAttributes(Map.of(
                            "eventType",
                            software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                                    .dataType("String")
                                    .stringValue(type)
                                    .build())));
        }

        JsonNode topic = find(testbed.console().path("topics"), topicName);
        assertThat(topic.path("arn").asText()).isEqualTo(topicArn);
        JsonNode subscriptions = topic.path("subscriptions");
        assertThat(subscriptions).hasSize(2);
        JsonNode filtered = subscription(subscriptions, matched.arn());
        assertThat(filtered.path("filterPolicy").asText()).isEqualTo(policy);
        assertThat(filtered.path("rawMessageDelivery").asBoolean()).isTrue();
        assertThat(filtered.path("delivered").asLong()).isEqualTo(2);
        assertThat(filtered.path("filteredOut").asLong()).isEqualTo(1);
        assertThat(filtered.path("failed").asLong()).isZero();
        JsonNode all = subscription(subscriptions, everything.arn());
        assertThat(all.path("filterPolicy").isNull()).isTrue();
        assertThat(all.path("delivered").asLong()).isEqualTo(3);
        assertThat(testbed.queueView(matched.name()).path("visible").asLong()).isEqualTo(2);
    }

    private static JsonNode subscription(JsonNode subscriptions, String queueArn) {
        for (JsonNode subscription : subscriptions) {
            if (subscription.path("queueArn").asText().equals(queueArn)) {
                return subscription;
            }
        }
        throw new AssertionError("no subscription of " + queueArn + " in " + subscriptions);
    }

    @Test
    void busesShowTheirRulesTargetsAndArchives() throws Exception {
        var queue = testbed.queue(unique("bus-target"), Map.of());
        var deadLetters = testbed.queue(unique("bus-dlq"), Map.of());
        String bus = unique("bus");
        String busArn = testbed.events.createEventBus(b -> b.name(bus)).eventBusArn();
        String pattern = "{\"source\":[\"shop.orders\"]}";
        testbed.events.putRule(b -> b.name("orders").eventBusName(bus).eventPattern(pattern));
        testbed.events.putTargets(b -> b.rule("orders")
                .eventBusName(bus)
                .targets(t -> t.id("queue").arn(queue.arn()).deadLetterConfig(d -> d.arn(deadLetters.arn()))));
        testbed.events.createArchive(b -> b.archiveName(unique("archive")).eventSourceArn(busArn));
        testbed.events.putEvents(b -> b.entries(
                PutEventsRequestEntry.builder()
                        .eventBusName(bus)
                        .source("shop.orders")
                        .detailType("OrderPlaced")
                        .detail("{}")
                        .build(),
                PutEventsRequestEntry.builder()
                        .eventBusName(bus)
                        .source("shop.payments")
                        .detailType("PaymentTaken")
                        .detail("{}")
                        .build()));

        JsonNode view = find(testbed.console().path("buses"), bus);
        JsonNode rule = view.path("rules").get(0);
        assertThat(rule.path("name").asText()).isEqualTo("orders");
        assertThat(rule.path("state").asText()).isEqualTo("ENABLED");
        assertThat(rule.path("eventPattern").asText()).isEqualTo(pattern);
        JsonNode target = rule.path("targets").get(0);
        assertThat(target.path("arn").asText()).isEqualTo(queue.arn());
        assertThat(target.path("deadLetterQueueArn").asText()).isEqualTo(deadLetters.arn());
        assertThat(target.path("delivered").asLong()).isEqualTo(1);
        assertThat(view.path("archives").get(0).path("eventCount").asLong()).isEqualTo(2);
        // A target's dead-letter queue is one too, with nowhere to redrive to.
        JsonNode deadLetterView = testbed.deadLetterView(deadLetters.name());
        assertThat(deadLetterView.path("sourceQueues")).isEmpty();
    }

    @Test
    void aPurgedQueueHasNoOldestMessage() throws Exception {
        var queue = testbed.queue(unique("purged"), Map.of());
        testbed.sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody("gone soon"));
        assertThat(testbed.queueView(queue.name()).path("oldestSentAt").isNull())
                .isFalse();

        testbed.sqs.purgeQueue(b -> b.queueUrl(queue.url()));

        assertThat(testbed.queueView(queue.name()).path("oldestSentAt").isNull())
                .isTrue();
    }

    @Test
    void theConsoleIsAPageOfTheEndpointThatRunsOnlyItsOwnScript() throws Exception {
        var page = testbed.get("/_devstack/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(page.body()).contains("<script src=\"console.js\" defer></script>");
        assertThat(testbed.get("/_devstack/console.js").statusCode()).isEqualTo(200);
        assertThat(testbed.get("/_devstack/console.css").statusCode()).isEqualTo(200);
        var bare = testbed.get("/_devstack");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/_devstack/");
        assertThat(testbed.get("/_devstack/nothing").statusCode()).isEqualTo(404);
    }
}
