package io.eventshop.messaging.topology;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Subscription;
import io.eventshop.topology.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * Creates SNS topics and subscribes queues to them, or brings existing ones in line. A subscription is found by its
 * topic and queue ARN, since Subscribe fails for an existing subscription with other attributes.
 */
final class TopicProvisioning {

    private final SnsClient sns;

    TopicProvisioning(SnsClient sns) {
        this.sns = sns;
    }

    /** Creates the topic or updates its attributes, and returns its ARN. */
    String apply(Topic topic, ProvisioningReport.Recorder report) {
        Map<String, String> desired = new LinkedHashMap<>();
        if (topic.fifo()) {
            desired.put("FifoTopic", "true");
            desired.put("ContentBasedDeduplication", String.valueOf(topic.contentBasedDeduplication()));
        }
        Optional<String> existing = arnOf(topic.name());
        if (existing.isEmpty()) {
            String arn = sns.createTopic(request -> request.name(topic.name()).attributes(desired))
                    .topicArn();
            report.created(ResourceKind.SNS_TOPIC, topic.name());
            return arn;
        }
        String arn = existing.get();
        Map<String, String> actual =
                sns.getTopicAttributes(request -> request.topicArn(arn)).attributes();
        desired.forEach((attribute, value) -> {
            // FifoTopic cannot change after creation; a name ending in .fifo already fixes it.
            if (!attribute.equals("FifoTopic") && !value.equals(actual.get(attribute))) {
                sns.setTopicAttributes(request ->
                        request.topicArn(arn).attributeName(attribute).attributeValue(value));
                report.updated(ResourceKind.SNS_TOPIC, topic.name(), "set " + attribute);
            }
        });
        return arn;
    }

    /** Subscribes the queue to the topic, or updates the subscription's delivery and filter policy. */
    void subscribe(String topicArn, String queueArn, ConsumerQueue queue, ProvisioningReport.Recorder report) {
        Subscription subscription = queue.subscription();
        String name = subscription.topic() + " -> " + queue.name();
        Map<String, String> desired = new LinkedHashMap<>();
        desired.put("RawMessageDelivery", String.valueOf(subscription.rawMessageDelivery()));
        if (subscription.filterPolicy() != null) {
            desired.put("FilterPolicy", JsonDocuments.write(subscription.filterPolicy()));
        }
        Optional<String> existing = subscriptionArn(topicArn, queueArn);
        if (existing.isEmpty()) {
            sns.subscribe(request -> request.topicArn(topicArn)
                    .protocol("sqs")
                    .endpoint(queueArn)
                    .attributes(desired)
                    .returnSubscriptionArn(true));
            report.created(ResourceKind.SNS_SUBSCRIPTION, name);
            return;
        }
        String arn = existing.get();
        Map<String, String> actual = sns.getSubscriptionAttributes(request -> request.subscriptionArn(arn))
                .attributes();
        if (!desired.get("RawMessageDelivery").equals(actual.getOrDefault("RawMessageDelivery", "false"))) {
            set(arn, "RawMessageDelivery", desired.get("RawMessageDelivery"));
            report.updated(ResourceKind.SNS_SUBSCRIPTION, name, "set RawMessageDelivery");
        }
        if (!sameFilterPolicy(actual.get("FilterPolicy"), subscription.filterPolicy())) {
            // An empty JSON object removes a filter policy.
            set(arn, "FilterPolicy", desired.getOrDefault("FilterPolicy", "{}"));
            report.updated(ResourceKind.SNS_SUBSCRIPTION, name, "set FilterPolicy");
        }
    }

    /** The ARN of the topic with this name, if it exists, found with ListTopics (which IAM cannot limit to a topic). */
    Optional<String> arnOf(String topicName) {
        return sns.listTopicsPaginator(request -> {}).topics().stream()
                .map(topic -> topic.topicArn())
                .filter(arn -> arn.endsWith(":" + topicName))
                .findFirst();
    }

    /** The ARN, if the topic exists: found with GetTopicAttributes on the ARN itself, which IAM can limit to it. */
    Optional<String> existing(String topicArn) {
        try {
            sns.getTopicAttributes(request -> request.topicArn(topicArn));
            return Optional.of(topicArn);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The ARN of the queue's subscription to the topic, if it exists. */
    Optional<String> subscriptionArn(String topicArn, String queueArn) {
        return sns.listSubscriptionsByTopicPaginator(request -> request.topicArn(topicArn)).subscriptions().stream()
                .filter(subscription -> subscription.protocol().equals("sqs")
                        && subscription.endpoint().equals(queueArn))
                .map(subscription -> subscription.subscriptionArn())
                .findFirst();
    }

    private void set(String subscriptionArn, String attribute, String value) {
        sns.setSubscriptionAttributes(request -> request.subscriptionArn(subscriptionArn)
                .attributeName(attribute)
                .attributeValue(value));
    }

    private static boolean sameFilterPolicy(String actual, JsonNode desired) {
        if (desired == null) {
            return actual == null || actual.isBlank() || actual.equals("{}");
        }
        return JsonDocuments.same(actual, desired);
    }
}
