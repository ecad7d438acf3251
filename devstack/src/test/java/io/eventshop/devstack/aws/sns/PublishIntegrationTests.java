package io.eventshop.devstack.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

@ExtendWith(LocalAwsExtension.class)
class PublishIntegrationTests {

    private static final int LIMIT = 256 * 1024;

    private SnsTestbed testbed;
    private String topicArn;
    private SnsTestbed.Queue queue;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        testbed = SnsTestbed.on(endpoint);
        topicArn = testbed.topic("published");
        queue = testbed.queue("published");
        testbed.subscribeRaw(topicArn, queue);
    }

    @AfterEach
    void disconnect() {
        testbed.close();
    }

    @Test
    void publishAnswersWithAMessageIdAndNoSequenceNumberOnAStandardTopic() {
        var response = testbed.sns.publish(b -> b.targetArn(topicArn).message("via TargetArn"));

        assertThat(response.messageId()).isNotBlank();
        assertThat(response.sequenceNumber()).isNull();
        assertThat(testbed.bodies(testbed.drain(queue))).containsExactly("via TargetArn");
    }

    @Test
    void aMessageOfExactly256KbCountingAttributesIsAcceptedAndOneByteMoreIsTooLong() {
        // The attribute counts its name (4), type (6) and value (5): 15 bytes.
        var attributes = Map.of(
                "kind",
                MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue("order")
                        .build());

        testbed.sns.publish(
                b -> b.topicArn(topicArn).message("x".repeat(LIMIT - 15)).messageAttributes(attributes));
        assertThatThrownBy(() -> testbed.sns.publish(b ->
                        b.topicArn(topicArn).message("x".repeat(LIMIT - 14)).messageAttributes(attributes)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Message too long");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(testbed.drain(queue)).hasSize(1);
    }

    @Test
    void publishToAMissingTopicIsNotFound() {
        String missing = "arn:aws:sns:us-east-1:000000000000:" + SnsTestbed.unique("missing");

        assertThatThrownBy(() -> testbed.sns.publish(b -> b.topicArn(missing).message("m")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
    }

    @Test
    void publishNeedsAMessageAndExactlyOneTarget() {
        assertThatThrownBy(() -> testbed.sns.publish(b -> b.topicArn(topicArn)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: Empty message");
        assertThatThrownBy(() -> testbed.sns.publish(b -> b.message("m")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("TopicArn or TargetArn");
    }

    @Test
    void subjectsMustBeShortAndOnOneLine() {
        assertThatThrownBy(() -> testbed.sns.publish(
                        b -> b.topicArn(topicArn).message("m").subject("x".repeat(100))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: Subject");
        assertThatThrownBy(() -> testbed.sns.publish(
                        b -> b.topicArn(topicArn).message("m").subject("two\nlines")))
                .isInstanceOf(InvalidParameterException.class);
        testbed.sns.publish(b -> b.topicArn(topicArn).message("m").subject("x".repeat(99)));
    }

    @Test
    void badMessageAttributesAreParameterValueInvalid() {
        assertThatThrownBy(() -> publishWithAttribute("n", "Number", "twelve"))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ParameterValueInvalid");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> publishWithAttribute("a", "String.Array", "not an array"))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> publishWithAttribute("t", "Date", "2026-01-01"))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("invalid message attribute type");
        assertThatThrownBy(() -> publishWithAttribute("AWS.reserved", "String", "v"))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> publishWithAttribute("empty", "String", ""))
                .isInstanceOf(InvalidParameterValueException.class);
        publishWithAttribute("custom", "Number.float", "1.5");
    }

    @Test
    void publishBatchDeliversEachEntryAndAnswersPerEntry() {
        var response = testbed.sns.publishBatch(b -> b.topicArn(topicArn)
                .publishBatchRequestEntries(
                        entry("first", "one"),
                        entry("second", "two"),
                        PublishBatchRequestEntry.builder()
                                .id("bad-subject")
                                .message("three")
                                .subject("a\nb")
                                .build()));

        assertThat(response.successful()).extracting(entry -> entry.id()).containsExactly("first", "second");
        assertThat(response.successful())
                .allSatisfy(entry -> assertThat(entry.messageId()).isNotBlank());
        assertThat(response.failed()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("bad-subject");
            assertThat(entry.code()).isEqualTo("InvalidParameter");
            assertThat(entry.message()).isEqualTo("Invalid parameter: Subject");
            assertThat(entry.senderFault()).isTrue();
        });
        assertThat(testbed.bodies(testbed.drain(queue))).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void publishBatchChecksTheBatchAsAWhole() {
        assertThatThrownBy(
                        () -> testbed.sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(List.of())))
                .isInstanceOfSatisfying(EmptyBatchRequestException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EmptyBatchRequest");
                    assertThat(e.statusCode()).isEqualTo(400);
                });

        List<PublishBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("e" + i, "m"));
        }
        assertThatThrownBy(
                        () -> testbed.sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(eleven)))
                .isInstanceOfSatisfying(
                        TooManyEntriesInBatchRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyEntriesInBatchRequest"));

        assertThatThrownBy(() -> testbed.sns.publishBatch(
                        b -> b.topicArn(topicArn).publishBatchRequestEntries(entry("same", "a"), entry("same", "b"))))
                .isInstanceOfSatisfying(
                        BatchEntryIdsNotDistinctException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BatchEntryIdsNotDistinct"));

        assertThatThrownBy(() -> testbed.sns.publishBatch(
                        b -> b.topicArn(topicArn).publishBatchRequestEntries(entry("not valid!", "a"))))
                .isInstanceOfSatisfying(
                        InvalidBatchEntryIdException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBatchEntryId"));
        assertThatThrownBy(() -> testbed.sns.publishBatch(
                        b -> b.topicArn(topicArn).publishBatchRequestEntries(entry("x".repeat(81), "a"))))
                .isInstanceOf(InvalidBatchEntryIdException.class);

        String half = "x".repeat(LIMIT / 2 + 1);
        assertThatThrownBy(() -> testbed.sns.publishBatch(
                        b -> b.topicArn(topicArn).publishBatchRequestEntries(entry("a", half), entry("b", half))))
                .isInstanceOfSatisfying(BatchRequestTooLongException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BatchRequestTooLong");
                    assertThat(e.statusCode()).isEqualTo(400);
                });

        assertThat(testbed.drain(queue)).isEmpty();
    }

    @Test
    void publishBatchToAMissingTopicIsNotFound() {
        String missing = "arn:aws:sns:us-east-1:000000000000:" + SnsTestbed.unique("missing");

        assertThatThrownBy(() ->
                        testbed.sns.publishBatch(b -> b.topicArn(missing).publishBatchRequestEntries(entry("a", "m"))))
                .isInstanceOf(NotFoundException.class);
    }

    private void publishWithAttribute(String name, String type, String value) {
        testbed.sns.publish(b -> b.topicArn(topicArn)
                .message("m")
                .messageAttributes(Map.of(
                        name,
                        MessageAttributeValue.builder()
                                .dataType(type)
                                .stringValue(value)
                                .build())));
    }

    private static PublishBatchRequestEntry entry(String id, String message) {
        return PublishBatchRequestEntry.builder().id(id).message(message).build();
    }
}
