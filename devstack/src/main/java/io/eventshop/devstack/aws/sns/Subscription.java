package io.eventshop.devstack.aws.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SQS queue's subscription to a topic, confirmed from the start, with its settings and its delivery counts for the
 * devstack's state page.
 */
final class Subscription {

    private final String arn;
    private final Topic topic;
    private final String queueArn;
    private volatile SubscriptionSettings settings;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong filteredOut = new AtomicLong();

    Subscription(String arn, Topic topic, String queueArn, SubscriptionSettings settings) {
        this.arn = arn;
        this.topic = topic;
        this.queueArn = queueArn;
        this.settings = settings;
    }

    String arn() {
        return arn;
    }

    Topic topic() {
        return topic;
    }

    String queueArn() {
        return queueArn;
    }

    SubscriptionSettings settings() {
        return settings;
    }

    void change(SubscriptionSettings settings) {
        this.settings = settings;
    }

    /** Everything GetSubscriptionAttributes shows. */
    Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("SubscriptionArn", arn);
        attributes.put("TopicArn", topic.arn());
        attributes.put("Protocol", "sqs");
        attributes.put("Endpoint", queueArn);
        attributes.put("Owner", topic.owner());
        attributes.put("ConfirmationWasAuthenticated", "true");
        attributes.put("PendingConfirmation", "false");
        attributes.put("SubscriptionPrincipal", "arn:aws:iam::" + topic.owner() + ":user/devstack");
        attributes.putAll(settings.attributes());
        return attributes;
    }

    void countDelivered(int messages) {
        delivered.addAndGet(messages);
    }

    void countFailed(int messages) {
        failed.addAndGet(messages);
    }

    void countDeadLettered(int messages) {
        deadLettered.addAndGet(messages);
    }

    void countFilteredOut(int messages) {
        filteredOut.addAndGet(messages);
    }

    /** The subscription as the devstack's state page shows it. */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("subscriptionArn", arn);
        state.put("topicArn", topic.arn());
        state.put("endpoint", queueArn);
        state.put("attributes", settings.attributes());
        state.put("delivered", delivered.get());
        state.put("failed", failed.get());
        state.put("deadLettered", deadLettered.get());
        state.put("filteredOut", filteredOut.get());
        return state;
    }

    /** The subscription as the devstack console shows it: where it delivers, what it lets through, what it counted. */
    Map<String, Object> overview() {
        SubscriptionSettings current = settings;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("arn", arn);
        view.put("queueArn", queueArn);
        view.put("rawMessageDelivery", current.rawMessageDelivery());
        view.put(
                "filterPolicy",
                current.filterPolicy() == null ? null : current.filterPolicy().policy());
        view.put(
                "filterPolicyScope",
                current.filterPolicy() == null
                        ? null
                        : current.filterPolicyScope().name());
        view.put("deadLetterQueueArn", current.deadLetterTargetArn());
        view.put("delivered", delivered.get());
        view.put("filteredOut", filteredOut.get());
        view.put("failed", failed.get());
        view.put("deadLettered", deadLettered.get());
        return view;
    }
}
