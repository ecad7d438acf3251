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
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Topic;

@ExtendWith(LocalAwsExtension.class)
class TopicIntegrationTests {

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
    void createTopicReturnsItsArnAndIsIdempotentForTheSameAttributes() {
        String name = SnsTestbed.unique("orders");

        String first = testbed.sns
                .createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Orders")))
                .topicArn();
        String second = testbed.sns
                .createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Orders")))
                .topicArn();

        assertThat(first)
                .isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name)
                .isEqualTo(second);
    }

    @Test
    void createTopicWithDifferentAttributesIsInvalidParameter() {
        String name = SnsTestbed.unique("orders");
        testbed.sns.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Orders")));

        assertThatThrownBy(() -> testbed.sns.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Other"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Invalid parameter: Attributes Reason: Topic already exists with different "
                                    + "attributes");
                });
    }

    @Test
    void fifoTopicNamesEndInFifoExactlyWhenFifoTopicIsTrue() {
        String name = SnsTestbed.unique("payments");

        assertThatThrownBy(() -> testbed.sns.createTopic(b -> b.name(name + ".fifo")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: Topic Name");
        assertThatThrownBy(() -> testbed.sns.createTopic(b -> b.name(name).attributes(Map.of("FifoTopic", "true"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Fifo Topic names must end with .fifo");
        assertThatThrownBy(() -> testbed.sns.createTopic(b -> b.name("has spaces")))
                .isInstanceOf(InvalidParameterException.class);

        String arn = testbed.sns
                .createTopic(b -> b.name(name + ".fifo").attributes(Map.of("FifoTopic", "true")))
                .topicArn();
        assertThat(arn).endsWith(":" + name + ".fifo");
    }

    @Test
    void getTopicAttributesShowsTheTopic() {
        String arn = testbed.topic("attributes");
        String fifoArn = testbed.fifoTopic("attributes", true);

        Map<String, String> standard =
                testbed.sns.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        Map<String, String> fifo =
                testbed.sns.getTopicAttributes(b -> b.topicArn(fifoArn)).attributes();

        assertThat(standard)
                .containsEntry("TopicArn", arn)
                .containsEntry("Owner", "000000000000")
                .containsEntry("DisplayName", "")
                .containsEntry("SubscriptionsConfirmed", "0")
                .containsEntry("SubscriptionsPending", "0")
                .containsEntry("SubscriptionsDeleted", "0")
                .containsKey("Policy")
                .doesNotContainKey("FifoTopic");
        assertThat(SnsTestbed.json(standard.get("Policy"))
                        .path("Statement")
                        .get(0)
                        .path("Resource")
                        .asText())
                .isEqualTo(arn);
        assertThat(fifo).containsEntry("FifoTopic", "true").containsEntry("ContentBasedDeduplication", "true");
    }

    @Test
    void setTopicAttributesChangesWhatGetShows() {
        String arn = testbed.topic("settable");

        testbed.sns.setTopicAttributes(
                b -> b.topicArn(arn).attributeName("DisplayName").attributeValue("Shop <&>"));

        assertThat(testbed.sns.getTopicAttributes(b -> b.topicArn(arn)).attributes())
                .containsEntry("DisplayName", "Shop <&>");
    }

    @Test
    void setTopicAttributesRejectsUnknownNamesAndContentBasedDeduplicationOnStandardTopics() {
        String arn = testbed.topic("settable");

        assertThatThrownBy(() -> testbed.sns.setTopicAttributes(
                        b -> b.topicArn(arn).attributeName("Colour").attributeValue("red")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: AttributeName");
        assertThatThrownBy(() -> testbed.sns.setTopicAttributes(b -> b.topicArn(arn)
                        .attributeName("ContentBasedDeduplication")
                        .attributeValue("true")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void missingTopicsAreNotFoundWith404() {
        String missing = "arn:aws:sns:us-east-1:000000000000:" + SnsTestbed.unique("missing");

        assertThatThrownBy(() -> testbed.sns.getTopicAttributes(b -> b.topicArn(missing)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
        assertThatThrownBy(() -> testbed.sns.setTopicAttributes(
                        b -> b.topicArn(missing).attributeName("DisplayName").attributeValue("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> testbed.sns.getTopicAttributes(b -> b.topicArn("not-an-arn")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: TopicArn");
    }

    @Test
    void aMissingRequiredParameterIsInvalidParameter() {
        // Pinned: AWS answers some missing parameters with ValidationError; here all are InvalidParameter.
        assertThatThrownBy(() -> testbed.sns.createTopic(b -> {}))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid parameter: Name"));
    }

    @Test
    void deleteTopicRemovesItAndItsSubscriptionsAndAMissingTopicIsNoError() {
        String arn = testbed.topic("deleted");
        String subscriptionArn = testbed.subscribeRaw(arn, testbed.queue("deleted"));

        testbed.sns.deleteTopic(b -> b.topicArn(arn));
        testbed.sns.deleteTopic(b -> b.topicArn(arn));

        assertThatThrownBy(() -> testbed.sns.getTopicAttributes(b -> b.topicArn(arn)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> testbed.sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Subscription does not exist"));
        assertThat(allTopics()).doesNotContain(arn);
    }

    @Test
    void listTopicsPagesByOneHundred() {
        String prefix = SnsTestbed.unique("paged");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            String name = prefix + "-" + i;
            created.add(testbed.sns.createTopic(b -> b.name(name)).topicArn());
        }

        ListTopicsResponse first = testbed.sns.listTopics(b -> {});
        assertThat(first.topics()).hasSize(100);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(allTopics()).containsAll(created).doesNotHaveDuplicates();
    }

    @Test
    void aBadNextTokenIsInvalidParameter() {
        assertThatThrownBy(() -> testbed.sns.listTopics(b -> b.nextToken("%%%")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void anUnknownActionIsInvalidAction() throws Exception {
        var response = testbed.post("Action=CreatePlatformApplication&Version=2010-03-31");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>").contains("<Type>Sender</Type>");
    }

    @Test
    void malformedFormsGetAnErrorNotACrash() throws Exception {
        var response = testbed.post("Action=Publish&TopicArn=%ZZ&Message=%");

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("<ErrorResponse");
        assertThat(testbed.sns.listTopics(b -> {}).sdkHttpResponse().isSuccessful())
                .isTrue();
    }

    @Test
    void theSdkSeesEveryErrorAsAnSnsException() {
        assertThatThrownBy(() -> testbed.sns.deleteTopic(b -> {})).isInstanceOf(SnsException.class);
    }

    private List<String> allTopics() {
        List<String> arns = new ArrayList<>();
        testbed.sns.listTopicsPaginator(b -> {}).topics().stream()
                .map(Topic::topicArn)
                .forEach(arns::add);
        return arns;
    }
}
