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
import software.amazon.awssdk.services.sns.model.FilterPolicyLimitExceededException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

@ExtendWith(LocalAwsExtension.class)
class SubscriptionIntegrationTests {

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
    void subscribeConfirmsAtOnceAndGetSubscriptionAttributesShowsIt() {
        String topicArn = testbed.topic("subscribed");
        var queue = testbed.queue("subscriber");

        String arn = testbed.subscribe(
                topicArn,
                queue,
                Map.of(
                        "RawMessageDelivery", "true",
                        "FilterPolicy", "{\"colour\":[\"red\"]}",
                        "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + testbed.arnFor("dlq") + "\"}"));

        assertThat(arn).startsWith(topicArn + ":");
        assertThat(testbed.sns
                        .getSubscriptionAttributes(b -> b.subscriptionArn(arn))
                        .attributes())
                .containsEntry("SubscriptionArn", arn)
                .containsEntry("TopicArn", topicArn)
                .containsEntry("Protocol", "sqs")
                .containsEntry("Endpoint", queue.arn())
                .containsEntry("Owner", "000000000000")
                .containsEntry("ConfirmationWasAuthenticated", "true")
                .containsEntry("PendingConfirmation", "false")
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicy", "{\"colour\":[\"red\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes")
                .containsEntry("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + testbed.arnFor("dlq") + "\"}");
        assertThat(testbed.sns.getTopicAttributes(b -> b.topicArn(topicArn)).attributes())
                .containsEntry("SubscriptionsConfirmed", "1");
    }

    @Test
    void subscribeIsIdempotentForTheSameQueueAndAttributes() {
        String topicArn = testbed.topic("idempotent");
        var queue = testbed.queue("idempotent");

        String first = testbed.subscribeRaw(topicArn, queue);
        String second = testbed.subscribeRaw(topicArn, queue);

        assertThat(second).isEqualTo(first);
        assertThat(testbed.sns
                        .listSubscriptionsByTopic(b -> b.topicArn(topicArn))
                        .subscriptions())
                .singleElement()
                .satisfies(subscription -> {
                    assertThat(subscription.subscriptionArn()).isEqualTo(first);
                    assertThat(subscription.protocol()).isEqualTo("sqs");
                    assertThat(subscription.endpoint()).isEqualTo(queue.arn());
                    assertThat(subscription.owner()).isEqualTo("000000000000");
                    assertThat(subscription.topicArn()).isEqualTo(topicArn);
                });
    }

    @Test
    void subscribingAgainWithOtherAttributesIsInvalidParameter() {
        String topicArn = testbed.topic("idempotent");
        var queue = testbed.queue("idempotent");
        testbed.subscribeRaw(topicArn, queue);

        assertThatThrownBy(() -> testbed.subscribe(topicArn, queue, Map.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("already exists with different attributes");
                });
    }

    @Test
    void aFifoQueueCannotSubscribeToAStandardTopic() {
        String topicArn = testbed.topic("standard");

        assertThatThrownBy(() -> testbed.subscribeRaw(topicArn, testbed.fifoQueue("fifo")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FIFO SQS Queues can not be subscribed to standard SNS topics");
    }

    @Test
    void onlySqsEndpointsCanSubscribe() {
        String topicArn = testbed.topic("protocols");

        assertThatThrownBy(() -> testbed.sns.subscribe(
                        b -> b.topicArn(topicArn).protocol("email").endpoint("someone@example.com")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> testbed.sns.subscribe(
                        b -> b.topicArn(topicArn).protocol("sqs").endpoint("not-an-arn")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: SQS endpoint ARN");
    }

    @Test
    void subscribingToAMissingTopicIsNotFound() {
        String missing = "arn:aws:sns:us-east-1:000000000000:" + SnsTestbed.unique("missing");

        assertThatThrownBy(() -> testbed.subscribeRaw(missing, testbed.queue("orphan")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void setSubscriptionAttributesChangesWhatGetShows() {
        String arn = testbed.subscribe(testbed.topic("settable"), testbed.queue("settable"), Map.of());

        testbed.sns.setSubscriptionAttributes(
                b -> b.subscriptionArn(arn).attributeName("RawMessageDelivery").attributeValue("true"));
        testbed.sns.setSubscriptionAttributes(
                b -> b.subscriptionArn(arn).attributeName("FilterPolicyScope").attributeValue("MessageBody"));
        testbed.sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn)
                .attributeName("FilterPolicy")
                .attributeValue("{\"order\":{\"status\":[\"PAID\"]}}"));

        assertThat(testbed.sns
                        .getSubscriptionAttributes(b -> b.subscriptionArn(arn))
                        .attributes())
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicyScope", "MessageBody")
                .containsEntry("FilterPolicy", "{\"order\":{\"status\":[\"PAID\"]}}");

        testbed.sns.setSubscriptionAttributes(
                b -> b.subscriptionArn(arn).attributeName("FilterPolicy").attributeValue(""));
        assertThat(testbed.sns
                        .getSubscriptionAttributes(b -> b.subscriptionArn(arn))
                        .attributes())
                .doesNotContainKey("FilterPolicy");
    }

    @Test
    void setSubscriptionAttributesRejectsWhatSnsRejects() {
        String arn = testbed.subscribe(testbed.topic("strict"), testbed.queue("strict"), Map.of());

        assertThatThrownBy(() -> set(arn, "Colour", "red"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: AttributeName");
        assertThatThrownBy(() -> set(arn, "RawMessageDelivery", "yes"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("RawMessageDelivery: Invalid value [yes]");
        assertThatThrownBy(() -> set(arn, "FilterPolicy", "{not json"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: FilterPolicy: failed to parse JSON.");
        assertThatThrownBy(() -> set(arn, "FilterPolicy", "{\"a\":[{\"bogus\":1}]}"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: FilterPolicy: ");
        assertThatThrownBy(() -> set(arn, "FilterPolicy", "{\"a\":{\"b\":[1]}}"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("MessageAttributes does not support nested filter policy");
        assertThatThrownBy(() -> set(
                        arn,
                        "FilterPolicy",
                        "{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12,13],\"b\":[1,2,3,4,5," + "6,7,8,9,10,11,12]}"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: FilterPolicy: Filter policy is too complex");
        assertThatThrownBy(() -> set(arn, "FilterPolicyScope", "Everything"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FilterPolicyScope");
        assertThatThrownBy(() -> set(arn, "RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sns:x:y:z\"}"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("RedrivePolicy");
    }

    @Test
    void changingTheScopeChecksTheExistingPolicyAgain() {
        String arn = testbed.subscribe(testbed.topic("rescoped"), testbed.queue("rescoped"), Map.of());
        set(arn, "FilterPolicyScope", "MessageBody");
        set(arn, "FilterPolicy", "{\"order\":{\"status\":[\"PAID\"]}}");

        assertThatThrownBy(() -> set(arn, "FilterPolicyScope", "MessageAttributes"))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void missingSubscriptionsAreNotFoundButUnsubscribingTwiceIsFine() {
        String arn = testbed.subscribe(testbed.topic("gone"), testbed.queue("gone"), Map.of());

        testbed.sns.unsubscribe(b -> b.subscriptionArn(arn));
        testbed.sns.unsubscribe(b -> b.subscriptionArn(arn));

        assertThatThrownBy(() -> testbed.sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Subscription does not exist");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
        assertThatThrownBy(() -> set(arn, "RawMessageDelivery", "true")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> testbed.sns.unsubscribe(b -> b.subscriptionArn("nonsense")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void listSubscriptionsByTopicPagesByOneHundredAndListSubscriptionsShowsThemAll() {
        String topicArn = testbed.topic("crowded");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            String queueArn = testbed.arnFor(SnsTestbed.unique("crowd"));
            created.add(testbed.sns
                    .subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn))
                    .subscriptionArn());
        }

        ListSubscriptionsByTopicResponse first = testbed.sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn));
        ListSubscriptionsByTopicResponse second =
                testbed.sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn).nextToken(first.nextToken()));

        assertThat(first.subscriptions()).hasSize(100);
        assertThat(second.subscriptions()).hasSize(5);
        assertThat(second.nextToken()).isNull();
        List<String> all = testbed.sns.listSubscriptionsPaginator(b -> {}).subscriptions().stream()
                .map(Subscription::subscriptionArn)
                .toList();
        assertThat(all).containsAll(created).doesNotHaveDuplicates();
    }

    @Test
    void aTopicTakesAtMostTwoHundredFilterPolicies() {
        String topicArn = testbed.topic("filtered");
        for (int i = 0; i < TopicCatalog.MAX_FILTER_POLICIES_PER_TOPIC; i++) {
            subscribeWithPolicy(topicArn, testbed.arnFor(SnsTestbed.unique("filtered")));
        }
        String unfiltered = testbed.sns
                .subscribe(b ->
                        b.topicArn(topicArn).protocol("sqs").endpoint(testbed.arnFor(SnsTestbed.unique("unfiltered"))))
                .subscriptionArn();

        assertThatThrownBy(() -> subscribeWithPolicy(topicArn, testbed.arnFor(SnsTestbed.unique("one-too-many"))))
                .isInstanceOfSatisfying(FilterPolicyLimitExceededException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("FilterPolicyLimitExceeded");
                    assertThat(e.statusCode()).isEqualTo(403);
                });
        assertThatThrownBy(() -> set(unfiltered, "FilterPolicy", "{\"a\":[\"b\"]}"))
                .isInstanceOf(FilterPolicyLimitExceededException.class);
    }

    private void subscribeWithPolicy(String topicArn, String queueArn) {
        testbed.sns.subscribe(b -> b.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("FilterPolicy", "{\"a\":[\"b\"]}")));
    }

    private void set(String subscriptionArn, String name, String value) {
        testbed.sns.setSubscriptionAttributes(
                b -> b.subscriptionArn(subscriptionArn).attributeName(name).attributeValue(value));
    }
}
