package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.AwsAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * All topics and subscriptions, kept in ARN order so that List actions page stably. Every change goes through one
 * lock; publishing only reads a snapshot of a topic's subscriptions.
 */
final class TopicCatalog {

    static final int MAX_FILTER_POLICIES_PER_TOPIC = 200;

    private final AwsAccount account;
    private final NavigableMap<String, Topic> topics = new TreeMap<>();
    private final NavigableMap<String, Subscription> subscriptions = new TreeMap<>();

    TopicCatalog(AwsAccount account) {
        this.account = account;
    }

    /** The topic with this name, created if need be; CreateTopic is idempotent for the same attributes. */
    synchronized Topic create(String name, Map<String, String> attributes) {
        Topic topic = Topic.create(account, name, attributes);
        Topic existing = topics.get(topic.arn());
        if (existing == null) {
            topics.put(topic.arn(), topic);
            return topic;
        }
        if (!existing.createdWith(attributes)) {
            throw SnsException.invalidParameter(
                    "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
        }
        return existing;
    }

    /** Deletes the topic and its subscriptions; a topic that does not exist is no error. */
    synchronized void delete(String topicArn) {
        if (topics.remove(topicArn) != null) {
            subscriptions
                    .values()
                    .removeIf(subscription -> subscription.topic().arn().equals(topicArn));
        }
    }

    /** The topic, or NotFound. A malformed ARN is InvalidParameter, named after the parameter that held it. */
    synchronized Topic topic(String topicArn, String parameter) {
        if (topicArn == null || !topicArn.startsWith("arn:") || topicArn.split(":", -1).length != 6) {
            throw SnsException.invalidParameter("Invalid parameter: " + parameter);
        }
        Topic topic = topics.get(topicArn);
        if (topic == null) {
            throw SnsException.notFound("Topic does not exist");
        }
        return topic;
    }

    synchronized Page<Topic> topics(String nextToken) {
        return Page.of(topics, nextToken);
    }

    /**
     * Subscribes the queue, or returns its subscription when it has one with the same settings already. A FIFO queue
     * cannot take a standard topic's messages.
     */
    synchronized Subscription subscribe(Topic topic, String queueArn, SubscriptionSettings settings) {
        if (!topics.containsKey(topic.arn())) {
            throw SnsException.notFound("Topic does not exist");
        }
        if (queueArn.endsWith(".fifo") && !topic.fifo()) {
            throw SnsException.invalidParameter("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS "
                    + "Queues can not be subscribed to standard SNS topics");
        }
        for (Subscription existing : subscriptionsOf(topic.arn())) {
            if (existing.queueArn().equals(queueArn)) {
                if (!existing.settings().attributes().equals(settings.attributes())) {
                    throw SnsException.invalidParameter(
                            "Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                }
                return existing;
            }
        }
        checkFilterPolicyLimit(topic, null, settings);
        var subscription = new Subscription(topic.arn() + ":" + UUID.randomUUID(), topic, queueArn, settings);
        subscriptions.put(subscription.arn(), subscription);
        return subscription;
    }

    synchronized void unsubscribe(String subscriptionArn) {
        subscriptions.remove(subscriptionArn);
    }

    synchronized Subscription subscription(String subscriptionArn) {
        Subscription subscription = subscriptionArn == null ? null : subscriptions.get(subscriptionArn);
        if (subscription == null) {
            throw SnsException.notFound("Subscription does not exist");
        }
        return subscription;
    }

    synchronized void change(Subscription subscription, SubscriptionSettings settings) {
        if (subscriptions.get(subscription.arn()) != subscription) {
            throw SnsException.notFound("Subscription does not exist");
        }
        checkFilterPolicyLimit(subscription.topic(), subscription, settings);
        subscription.change(settings);
    }

    synchronized List<Subscription> subscriptionsOf(String topicArn) {
        List<Subscription> ofTopic = new ArrayList<>();
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.topic().arn().equals(topicArn)) {
                ofTopic.add(subscription);
            }
        }
        return ofTopic;
    }

    /** All subscriptions, or those of one topic when {@code topicArn} is not null. */
    synchronized Page<Subscription> subscriptions(String topicArn, String nextToken) {
        if (topicArn == null) {
            return Page.of(subscriptions, nextToken);
        }
        NavigableMap<String, Subscription> ofTopic = new TreeMap<>();
        subscriptionsOf(topicArn).forEach(subscription -> ofTopic.put(subscription.arn(), subscription));
        return Page.of(ofTopic, nextToken);
    }

    synchronized List<Topic> allTopics() {
        return List.copyOf(topics.values());
    }

    synchronized List<Subscription> allSubscriptions() {
        return List.copyOf(subscriptions.values());
    }

    private void checkFilterPolicyLimit(Topic topic, Subscription changing, SubscriptionSettings settings) {
        if (settings.filterPolicy() == null
                || (changing != null && changing.settings().filterPolicy() != null)) {
            return;
        }
        long policies = subscriptionsOf(topic.arn()).stream()
                .filter(subscription -> subscription.settings().filterPolicy() != null)
                .count();
        if (policies >= MAX_FILTER_POLICIES_PER_TOPIC) {
            throw new SnsException("FilterPolicyLimitExceeded", 403, "Filter policy limit exceeded");
        }
    }
}
