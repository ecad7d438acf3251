package io.eventshop.devstack.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

@ExtendWith(LocalAwsExtension.class)
class FifoIntegrationTests {

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
    void twentyMessagesInTwoGroupsArriveInOrderPerGroupWithTheirGroupId() {
        String topicArn = testbed.fifoTopic("orders", false);
        var queue = testbed.fifoQueue("orders");
        testbed.subscribeRaw(topicArn, queue);

        List<String> sequenceNumbers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            sequenceNumbers.add(testbed.sns
                    .publish(b -> b.topicArn(topicArn)
                            .message("a-" + n)
                            .messageGroupId("group-a")
                            .messageDeduplicationId("a-" + n))
                    .sequenceNumber());
        }
        List<PublishBatchRequestEntry> groupB = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            groupB.add(PublishBatchRequestEntry.builder()
                    .id("b" + i)
                    .message("b-" + i)
                    .messageGroupId("group-b")
                    .messageDeduplicationId("b-" + i)
                    .build());
        }
        var batch = testbed.sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(groupB));
        batch.successful().forEach(entry -> sequenceNumbers.add(entry.sequenceNumber()));

        assertThat(batch.failed()).isEmpty();
        assertThat(sequenceNumbers).hasSize(20).doesNotContainNull();
        assertThat(sequenceNumbers.stream().map(BigInteger::new).toList()).isSorted();

        List<Message> received = testbed.receive(queue, 20);
        assertThat(bodiesOfGroup(received, "group-a"))
                .containsExactly("a-0", "a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "a-8", "a-9");
        assertThat(bodiesOfGroup(received, "group-b"))
                .containsExactly("b-0", "b-1", "b-2", "b-3", "b-4", "b-5", "b-6", "b-7", "b-8", "b-9");
    }

    @Test
    void concurrentPublishesSharingGroupsReachEveryQueueInSequenceOrderPerGroup() throws Exception {
        String topicArn = testbed.fifoTopic("concurrent", false);
        var first = testbed.fifoQueue("concurrent-a");
        var second = testbed.fifoQueue("concurrent-b");
        // The envelope carries the topic's sequence number, which is the order each group must arrive in.
        testbed.subscribe(topicArn, first, Map.of());
        testbed.subscribe(topicArn, second, Map.of());
        int publishers = 4;
        int batchesEach = 10;
        List<String> groups = List.of("g-0", "g-1", "g-2", "g-3", "g-4");

        try (ExecutorService executor = Executors.newFixedThreadPool(publishers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                running.add(executor.submit(() -> {
                    for (int b = 0; b < batchesEach; b++) {
                        // Each batch has two messages of two of the groups, which every publisher shares.
                        List<PublishBatchRequestEntry> entries = new ArrayList<>();
                        for (int e = 0; e < 4; e++) {
                            String id = publisher + "-" + b + "-" + e;
                            entries.add(PublishBatchRequestEntry.builder()
                                    .id("e" + e)
                                    .message(id)
                                    .messageGroupId(groups.get((publisher + b + e / 2) % groups.size()))
                                    .messageDeduplicationId(id)
                                    .build());
                        }
                        var response = testbed.sns.publishBatch(
                                r -> r.topicArn(topicArn).publishBatchRequestEntries(entries));
                        assertThat(response.failed()).isEmpty();
                    }
                }));
            }
            for (Future<?> publishing : running) {
                publishing.get(30, TimeUnit.SECONDS);
            }
        }

        int total = publishers * batchesEach * 4;
        for (var queue : List.of(first, second)) {
            Map<String, List<BigInteger>> sequenceNumbersByGroup = new HashMap<>();
            for (Message message : testbed.receiveDeleting(queue, total)) {
                sequenceNumbersByGroup
                        .computeIfAbsent(
                                message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                                group -> new ArrayList<>())
                        .add(new BigInteger(SnsTestbed.json(message.body())
                                .get("SequenceNumber")
                                .asText()));
            }
            assertThat(sequenceNumbersByGroup.keySet()).containsExactlyInAnyOrderElementsOf(groups);
            assertThat(sequenceNumbersByGroup.values().stream()
                            .mapToInt(List::size)
                            .sum())
                    .isEqualTo(total);
            sequenceNumbersByGroup.values().forEach(inArrivalOrder -> assertThat(inArrivalOrder)
                    .isSorted());
        }
    }

    @Test
    void aDuplicateWithinFiveMinutesIsAcceptedButDeliveredOnce() {
        String topicArn = testbed.fifoTopic("deduplicated", false);
        var queue = testbed.fifoQueue("deduplicated");
        var standardQueue = testbed.queue("deduplicated");
        testbed.subscribeRaw(topicArn, queue);
        testbed.subscribeRaw(topicArn, standardQueue);

        var first = testbed.sns.publish(
                b -> b.topicArn(topicArn).message("once").messageGroupId("g").messageDeduplicationId("same"));
        var second = testbed.sns.publish(b ->
                b.topicArn(topicArn).message("once again").messageGroupId("g").messageDeduplicationId("same"));

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(testbed.bodies(testbed.drain(queue))).containsExactly("once");
        // The standard queue cannot deduplicate, so this shows that the topic dropped the duplicate itself.
        assertThat(testbed.bodies(testbed.drain(standardQueue))).containsExactly("once");
    }

    @Test
    void contentBasedDeduplicationUsesTheMessage() {
        String topicArn = testbed.fifoTopic("content", true);
        var queue = testbed.queue("content");
        testbed.subscribeRaw(topicArn, queue);

        testbed.sns.publish(b -> b.topicArn(topicArn).message("same").messageGroupId("g"));
        testbed.sns.publish(b -> b.topicArn(topicArn).message("same").messageGroupId("g"));
        testbed.sns.publish(b -> b.topicArn(topicArn).message("other").messageGroupId("g"));

        assertThat(testbed.bodies(testbed.drain(queue))).containsExactlyInAnyOrder("same", "other");
    }

    @Test
    void theFifoEnvelopeCarriesTheSequenceNumberAndNoSignature() {
        String topicArn = testbed.fifoTopic("enveloped", true);
        var queue = testbed.fifoQueue("enveloped");
        testbed.subscribe(topicArn, queue, Map.of());

        var published =
                testbed.sns.publish(b -> b.topicArn(topicArn).message("hello").messageGroupId("g"));

        Message message = testbed.receive(queue, 1).getFirst();
        JsonNode envelope = SnsTestbed.json(message.body());
        assertThat(envelope.get("SequenceNumber").asText()).isEqualTo(published.sequenceNumber());
        assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
        // Pinned, as LocalStack does: the UnsubscribeURL stays; the three signature fields go.
        assertThat(envelope.has("Signature")).isFalse();
        assertThat(envelope.has("SignatureVersion")).isFalse();
        assertThat(envelope.has("SigningCertURL")).isFalse();
        assertThat(envelope.has("UnsubscribeURL")).isTrue();
        assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g");
    }

    @Test
    void aFifoTopicNeedsAGroupIdAndADeduplicationIdUnlessContentBased() {
        String topicArn = testbed.fifoTopic("strict", false);

        assertThatThrownBy(() -> testbed.sns.publish(
                        b -> b.topicArn(topicArn).message("m").messageDeduplicationId("d")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid parameter: The MessageGroupId parameter is required for FIFO topics"));
        assertThatThrownBy(() -> testbed.sns.publish(
                        b -> b.topicArn(topicArn).message("m").messageGroupId("g")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("ContentBasedDeduplication");
    }

    @Test
    void aStandardTopicRejectsADeduplicationIdButTakesAGroupId() {
        // Pinned: AWS rejects MessageDeduplicationId on standard topics and, since fair queues, accepts
        // MessageGroupId there.
        String topicArn = testbed.topic("standard");
        var queue = testbed.queue("standard");
        testbed.subscribeRaw(topicArn, queue);

        assertThatThrownBy(() -> testbed.sns.publish(
                        b -> b.topicArn(topicArn).message("m").messageDeduplicationId("d")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageDeduplicationId");
        testbed.sns.publish(b -> b.topicArn(topicArn).message("grouped").messageGroupId("g"));

        assertThat(testbed.bodies(testbed.drain(queue))).containsExactly("grouped");
    }

    @Test
    void batchEntriesWithoutAGroupIdFailAlone() {
        // Pinned: each entry is validated on its own.
        String topicArn = testbed.fifoTopic("batch", true);

        var response = testbed.sns.publishBatch(b -> b.topicArn(topicArn)
                .publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder()
                                .id("ok")
                                .message("m")
                                .messageGroupId("g")
                                .build(),
                        PublishBatchRequestEntry.builder()
                                .id("no-group")
                                .message("m2")
                                .build()));

        assertThat(response.successful()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("ok");
            assertThat(entry.sequenceNumber()).isNotBlank();
        });
        assertThat(response.failed()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("no-group");
            assertThat(entry.code()).isEqualTo("InvalidParameter");
            assertThat(entry.senderFault()).isTrue();
        });
    }

    @Test
    void theEntriesAfterAFailedEntryOfTheSameGroupAreNotPublished() {
        // Pinned (AWS documents nothing here): publishing them would let them overtake the failed entry's retry.
        String topicArn = testbed.fifoTopic("group-failure", false);
        var queue = testbed.fifoQueue("group-failure");
        testbed.subscribeRaw(topicArn, queue);

        var response = testbed.sns.publishBatch(b -> b.topicArn(topicArn)
                .publishBatchRequestEntries(
                        entry("a1", "g-a"),
                        entry("a2", "g-a").toBuilder()
                                .messageAttributes(Map.of(
                                        "amount",
                                        MessageAttributeValue.builder()
                                                .dataType("Number")
                                                .stringValue("not a number")
                                                .build()))
                                .build(),
                        entry("b1", "g-b"),
                        entry("a3", "g-a"),
                        entry("b2", "g-b")));

        assertThat(response.successful()).extracting(entry -> entry.id()).containsExactly("a1", "b1", "b2");
        assertThat(response.failed())
                .extracting(entry -> entry.id(), entry -> entry.code(), entry -> entry.senderFault())
                .containsExactly(
                        tuple("a2", "ParameterValueInvalid", true), tuple("a3", PublishActions.GROUP_FAILED, false));
        assertThat(testbed.bodies(testbed.receive(queue, 3))).containsExactlyInAnyOrder("a1", "b1", "b2");
        assertThat(testbed.drain(queue)).isEmpty();
    }

    private static PublishBatchRequestEntry entry(String id, String group) {
        return PublishBatchRequestEntry.builder()
                .id(id)
                .message(id)
                .messageGroupId(group)
                .messageDeduplicationId(id)
                .build();
    }

    private static List<String> bodiesOfGroup(List<Message> messages, String groupId) {
        return messages.stream()
                .filter(message ->
                        groupId.equals(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)))
                .map(Message::body)
                .toList();
    }
}
