package io.eventshop.devstack.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.AwsClients;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** SQS through the endpoint's port, with the real SDK client (the JSON protocol), as services use it. */
@ExtendWith(LocalAwsExtension.class)
class SqsIntegrationTests {

    private SqsClient sqs;
    private LocalAwsEndpoint endpoint;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.sqs = AwsClients.sqs(endpoint);
    }

    @AfterEach
    void disconnect() {
        sqs.close();
    }

    private String queue(String prefix, Map<QueueAttributeName, String> attributes) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ("true".equals(attributes.get(QueueAttributeName.FIFO_QUEUE)) ? ".fifo" : "");
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    @Test
    void queueUrlsPointAtTheEndpointsPort() {
        String url = queue("urls", Map.of());

        assertThat(url).startsWith("http://localhost:" + endpoint.port() + "/000000000000/urls-");
        assertThat(sqs.listQueues(b -> b.queueNamePrefix("urls-")).queueUrls()).contains(url);
        assertThat(arnOf(url)).startsWith("arn:aws:sqs:us-east-1:000000000000:urls-");
    }

    @Test
    void sendsReceivesAndDeletesWithAttributes() {
        String url = queue("basic", Map.of());

        sqs.sendMessage(b -> b.queueUrl(url)
                .messageBody("hello")
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("OrderPlaced")
                                .build())));
        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url)
                        .waitTimeSeconds(5)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();

        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("hello");
            assertThat(m.messageAttributes().get("eventType").stringValue()).isEqualTo("OrderPlaced");
            assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
        });
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.getFirst().receiptHandle()));
        assertThat(depth(url)).isZero();
    }

    @Test
    void longPollingReturnsAMessageSentWhileWaiting() {
        String url = queue("longpoll", Map.of());
        var receiving = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)).messages());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("late"));
            assertThat(receiving).succeedsWithin(Duration.ofSeconds(5));
        });
        assertThat(receiving.join()).extracting(Message::body).contains("late");
    }

    @Test
    void batchesReportEachEntry() {
        String url = queue("batch", Map.of());
        var entries = IntStream.range(0, 10)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody("body-" + i)
                        .build())
                .toList();

        var sent = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));

        assertThat(sent.successful()).hasSize(10);
        assertThat(sent.failed()).isEmpty();
        assertThat(receiveAll(url, 10)).hasSize(10);
    }

    @Test
    void fifoQueueKeepsOrderWithinAGroupAndDeduplicates() {
        String url = queue("fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        for (int i = 0; i < 5; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(url)
                    .messageBody("m" + n)
                    .messageGroupId("order-1")
                    .messageDeduplicationId("dedup-" + n));
        }
        sqs.sendMessage(b -> b.queueUrl(url)
                .messageBody("m0 again")
                .messageGroupId("order-1")
                .messageDeduplicationId("dedup-0"));

        List<String> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message m : sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            return bodies.size() >= 5;
        });
        assertThat(bodies).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    /**
     * A purge empties a FIFO queue's deduplication history, as in ElasticMQ, and the queue deduplicates again at once
     * (its actor puts back the history of sqs/FifoHistories.scala that ElasticMQ's purge replaces).
     */
    @Test
    void aPurgedFifoQueueForgetsItsDeduplicationIdsAndDeduplicatesTheNextSends() {
        String url = queue("purged", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        sendToGroup(url, "before the purge", "dedup-x");
        sqs.purgeQueue(b -> b.queueUrl(url));
        sendToGroup(url, "after the purge", "dedup-x");
        sendToGroup(url, "a duplicate after the purge", "dedup-x");

        List<Message> received = receiveAll(url, 1);
        received.addAll(
                sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages());
        assertThat(received).extracting(Message::body).containsExactly("after the purge");
    }

    /** A FIFO receive retried with its attempt id gets the same messages, not the next ones of the group. */
    @Test
    void aFifoReceiveRetriedWithItsAttemptIdGetsTheSameMessages() {
        String url = queue("attempts", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        for (int n = 0; n < 4; n++) {
            sendToGroup(url, "m" + n, "dedup-" + n);
        }
        List<Message> first = sqs.receiveMessage(
                        b -> b.queueUrl(url).maxNumberOfMessages(2).receiveRequestAttemptId("attempt-1"))
                .messages();
        List<Message> retried = sqs.receiveMessage(
                        b -> b.queueUrl(url).maxNumberOfMessages(2).receiveRequestAttemptId("attempt-1"))
                .messages();
        List<Message> next = sqs.receiveMessage(
                        b -> b.queueUrl(url).maxNumberOfMessages(2).receiveRequestAttemptId("attempt-2"))
                .messages();

        assertThat(first).extracting(Message::body).containsExactly("m0", "m1");
        assertThat(retried)
                .extracting(Message::messageId)
                .isEqualTo(first.stream().map(Message::messageId).toList());
        assertThat(next).as("the group waits while m0 and m1 are in flight").isEmpty();
    }

    private void sendToGroup(String url, String body, String deduplicationId) {
        sqs.sendMessage(b ->
                b.queueUrl(url).messageBody(body).messageGroupId("group-1").messageDeduplicationId(deduplicationId));
    }

    @Test
    void messageMovesToTheDlqAfterMaxReceiveCountAndMovesBack() {
        String dlq = queue("dlq", Map.of());
        String source = queue(
                "source",
                Map.of(
                        QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":\"2\"}",
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        "0"));
        sqs.sendMessage(b -> b.queueUrl(source).messageBody("poison"));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sqs.receiveMessage(b -> b.queueUrl(source).waitTimeSeconds(1));
            return depth(dlq) == 1;
        });
        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls())
                .contains(source);

        sqs.setQueueAttributes(b -> b.queueUrl(source).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30")));
        sqs.startMessageMoveTask(b -> b.sourceArn(arnOf(dlq)));

        await().atMost(Duration.ofSeconds(10)).until(() -> depth(dlq) == 0 && depth(source) == 1);
    }

    @Test
    void missingQueueGivesQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("no-such-queue")))
                .isInstanceOf(QueueDoesNotExistException.class)
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void oversizedMessageIsRejected() {
        String url = queue("big", Map.of());
        String tooBig = "x".repeat(1024 * 1024 + 1);

        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(tooBig)))
                .isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));
        assertThat(depth(url)).isZero();
    }

    @Test
    void invalidParametersAreRejected() {
        String url = queue("invalid", Map.of());

        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)))
                .isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).statusCode()).isEqualTo(400));
    }

    private List<Message> receiveAll(String url, int expected) {
        List<Message> all = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            all.addAll(sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
            return all.size() >= expected;
        });
        return all;
    }

    private int depth(String url) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
