package io.eventshop.devstack.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.AwsClients;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.util.HashMap;
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
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Which message groups a FIFO receive serves: the ready groups, oldest first (sqs/OldestGroupFirst.scala). ElasticMQ's
 * own FIFO queue serves them in the hash order of their ids, and fails the first test.
 */
@ExtendWith(LocalAwsExtension.class)
class FifoFairnessIntegrationTests {

    private static final int RECEIVE = 10;

    private SqsClient sqs;
    private String url;

    @BeforeEach
    void createQueue(LocalAwsEndpoint endpoint) {
        sqs = AwsClients.sqs(endpoint);
        url = sqs.createQueue(b -> b.queueName(
                                "fairness-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
    }

    @AfterEach
    void disconnect() {
        sqs.deleteQueue(b -> b.queueUrl(url));
        sqs.close();
    }

    /**
     * A consumer that is behind: a backlog of 100 groups, and while it takes 10 messages at a time, 10 new groups
     * arrive after each receive, so the backlog never shrinks. Every group of the first backlog is older than every new
     * one, so the first ⌈100 ÷ 10⌉ receives take exactly those groups; one receive more is the bound's slack.
     */
    @Test
    void everyGroupOfABacklogIsReceivedWithinItsShareOfReceivesWhileNewGroupsKeepArriving() {
        int groups = 100;
        List<String> backlog = IntStream.range(0, groups)
                .mapToObj(i -> "backlog-" + i + "-" + UUID.randomUUID())
                .toList();
        send(backlog);
        int bound = Math.ceilDiv(groups, RECEIVE) + 1;

        Map<String, Integer> firstReceivedAt = new HashMap<>();
        for (int receive = 1; receive <= 3 * bound; receive++) {
            List<Message> messages = receive(RECEIVE);
            for (Message message : messages) {
                firstReceivedAt.putIfAbsent(groupOf(message), receive);
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            send(IntStream.range(0, RECEIVE)
                    .mapToObj(i -> "new-" + UUID.randomUUID())
                    .toList());
        }

        assertThat(backlog).allSatisfy(group -> assertThat(firstReceivedAt.get(group))
                .as("the receive that first returned group %s", group)
                .isNotNull()
                .isLessThanOrEqualTo(bound));
    }

    @Test
    void aReceiveTakesTheOldestGroupsMessagesInARowBeforeTheNextGroup() {
        sendOne("a", "a1");
        sendOne("b", "b1");
        sendOne("a", "a2");
        sendOne("c", "c1");

        assertThat(receive(3)).extracting(Message::body).containsExactly("a1", "a2", "b1");
        assertThat(receive(RECEIVE)).extracting(Message::body).containsExactly("c1");
    }

    @Test
    void aGroupWhoseOldestMessageIsInFlightWaitsWholeWhileYoungerGroupsAreServed() {
        sendOne("a", "a1");
        sendOne("a", "a2");
        sendOne("b", "b1");

        Message a1 = receive(1).getFirst();
        assertThat(a1.body()).isEqualTo("a1");
        assertThat(receive(RECEIVE)).extracting(Message::body).containsExactly("b1");

        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(a1.receiptHandle()));
        assertThat(receive(RECEIVE)).extracting(Message::body).containsExactly("a2");
    }

    /** One message for each group, ten to a batch, in the order given. */
    private void send(List<String> groups) {
        for (int from = 0; from < groups.size(); from += RECEIVE) {
            List<SendMessageBatchRequestEntry> entries =
                    groups.subList(from, Math.min(from + RECEIVE, groups.size())).stream()
                            .map(group -> SendMessageBatchRequestEntry.builder()
                                    .id(UUID.randomUUID().toString())
                                    .messageBody(group)
                                    .messageGroupId(group)
                                    .messageDeduplicationId(UUID.randomUUID().toString())
                                    .build())
                            .toList();
            assertThat(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries))
                            .failed())
                    .isEmpty();
        }
    }

    private void sendOne(String group, String body) {
        sqs.sendMessage(b -> b.queueUrl(url)
                .messageBody(body)
                .messageGroupId(group)
                .messageDeduplicationId(UUID.randomUUID().toString()));
    }

    private List<Message> receive(int count) {
        return sqs.receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages(count)
                        .waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .messages();
    }

    private static String groupOf(Message message) {
        return message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }
}
