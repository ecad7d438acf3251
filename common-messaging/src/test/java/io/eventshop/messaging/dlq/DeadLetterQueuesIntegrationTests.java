package io.eventshop.messaging.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.messaging.topology.LocalAwsClients;
import io.eventshop.messaging.topology.TestTopologies;
import io.eventshop.messaging.topology.TopologyProvisioner;
import io.eventshop.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

@ExtendWith(LocalAwsExtension.class)
class DeadLetterQueuesIntegrationTests {

    private SqsClient sqs;
    private String id;
    private Topology topology;

    @BeforeEach
    void provisionQueuesOfThisTest(LocalAwsEndpoint endpoint) {
        sqs = LocalAwsClients.sqs(endpoint);
        id = TestTopologies.uniqueId();
        topology = TestTopologies.queues(id);
        new TopologyProvisioner(sqs, LocalAwsClients.sns(endpoint), LocalAwsClients.events(endpoint))
                .provision(topology);
    }

    @Test
    void listsTheServicesDeadLetterQueuesWithTheirDepth() {
        deadLetter("fifo-" + id + "-dlq.fifo", "order-1", "{\"n\":1}", "malformed JSON");
        deadLetter("fifo-" + id + "-dlq.fifo", "order-1", "{\"n\":2}", "malformed JSON");

        assertThat(queuesOf("fifo-" + id).list()).singleElement().satisfies(dlq -> {
            assertThat(dlq.name()).isEqualTo("fifo-" + id + "-dlq.fifo");
            assertThat(dlq.sourceQueue()).isEqualTo("fifo-" + id + ".fifo");
            assertThat(dlq.fifo()).isTrue();
            assertThat(dlq.maxReceiveCount()).isEqualTo(3);
            assertThat(dlq.messages()).isEqualTo(2);
        });
    }

    @Test
    void peekingShowsBodyReasonAndReceiveCountAndLeavesTheMessages() {
        String dlq = "standard-" + id + "-dlq";
        deadLetter(dlq, null, "{\"eventType\":\"Bogus\"}", "unknown event type Bogus");
        DeadLetterQueues queues = queuesOf("standard-" + id);

        List<DeadLetter> first = queues.peek(dlq, 10);
        List<DeadLetter> second = queues.peek(dlq, 10);

        assertThat(first).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("{\"eventType\":\"Bogus\"}");
            assertThat(message.failureReason()).isEqualTo("unknown event type Bogus");
            assertThat(message.attributes()).containsEntry("eventType", "Bogus");
            assertThat(message.receiveCount()).isEqualTo(1);
        });
        assertThat(second).singleElement().satisfies(message -> assertThat(message.receiveCount())
                .isEqualTo(2));
    }

    @Test
    void redrivingAFifoDeadLetterQueueResendsEveryMessageInGroupOrder() {
        String dlq = "fifo-" + id + "-dlq.fifo";
        for (int n = 1; n <= 3; n++) {
            deadLetter(dlq, "order-7", "{\"n\":" + n + "}", "handler failed");
        }

        RedriveResult result = queuesOf("fifo-" + id).redriveAll(dlq);

        assertThat(result.redriven()).hasSize(3);
        assertThat(result.asynchronous()).isFalse();
        List<Message> redriven = receiveAll("fifo-" + id + ".fifo", 3);
        assertThat(redriven).extracting(Message::body).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(redriven).allSatisfy(message -> {
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "order-7");
            assertThat(message.messageAttributes())
                    .containsKey("eventType")
                    .doesNotContainKey(DeadLetterQueues.FAILURE_REASON_ATTRIBUTE);
        });
        assertThat(queuesOf("fifo-" + id).peek(dlq, 10)).isEmpty();
    }

    @Test
    void redrivingAStandardDeadLetterQueueStartsAMessageMoveTask() {
        String dlq = "standard-" + id + "-dlq";
        deadLetter(dlq, null, "{\"n\":1}", "handler failed");
        deadLetter(dlq, null, "{\"n\":2}", "handler failed");

        RedriveResult result = queuesOf("standard-" + id).redriveAll(dlq);

        assertThat(result.moveTaskHandle()).isNotBlank();
        assertThat(receiveAll("standard-" + id, 2))
                .extracting(Message::body)
                .containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void redrivingChosenMessagesMovesOnlyThose() {
        String dlq = "standard-" + id + "-dlq";
        for (int n = 1; n <= 4; n++) {
            deadLetter(dlq, null, "{\"n\":" + n + "}", "handler failed");
        }
        DeadLetterQueues queues = queuesOf("standard-" + id);
        List<DeadLetter> before = queues.peek(dlq, 10);
        List<String> chosen = before.stream()
                .filter(message ->
                        message.body().equals("{\"n\":2}") || message.body().equals("{\"n\":4}"))
                .map(DeadLetter::messageId)
                .toList();

        RedriveResult result = queues.redrive(dlq, List.of(chosen.get(0), chosen.get(1), "no-such-id"));

        assertThat(result.redriven()).containsExactlyInAnyOrderElementsOf(chosen);
        assertThat(result.notFound()).containsExactly("no-such-id");
        assertThat(receiveAll("standard-" + id, 2))
                .extracting(Message::body)
                .containsExactlyInAnyOrder("{\"n\":2}", "{\"n\":4}");
        assertThat(queues.peek(dlq, 10))
                .extracting(DeadLetter::body)
                .containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":3}");
    }

    @Test
    void anotherServicesQueueIsUnknown() {
        assertThatExceptionOfType(UnknownDeadLetterQueueException.class)
                .isThrownBy(() -> queuesOf("fifo-" + id).peek("standard-" + id + "-dlq", 10))
                .withMessage(
                        "No dead-letter queue named standard-%1$s-dlq for fifo-%1$s;"
                                + " its dead-letter queues are [fifo-%1$s-dlq.fifo]",
                        id);
    }

    @Test
    void theEndpointAnswersAnUnknownQueueWithProblemDetails() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new DeadLetterQueueController(queuesOf("fifo-" + id)))
                .build();

        mvc.perform(get("/ops/dlq/nope/messages"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unknown dead-letter queue"))
                .andExpect(jsonPath("$.queue").value("nope"));
        mvc.perform(get("/ops/dlq"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("fifo-" + id + "-dlq.fifo"));
    }

    private DeadLetterQueues queuesOf(String consumer) {
        return new DeadLetterQueues(sqs, topology, consumer);
    }

    private void deadLetter(String queue, String groupId, String body, String reason) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        sqs.sendMessage(request -> {
            request.queueUrl(url)
                    .messageBody(body)
                    .messageAttributes(Map.of(
                            "eventType",
                            text(body.contains("Bogus") ? "Bogus" : "OrderPlaced"),
                            DeadLetterQueues.FAILURE_REASON_ATTRIBUTE,
                            text(reason)));
            if (groupId != null) {
                request.messageGroupId(groupId).messageDeduplicationId(TestTopologies.uniqueId());
            }
        });
    }

    private List<Message> receiveAll(String queue, int expected) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Message> batch = sqs.receiveMessage(request -> request.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            received.addAll(batch);
            batch.forEach(message ->
                    sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle())));
            return received.size() >= expected;
        });
        return received;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
