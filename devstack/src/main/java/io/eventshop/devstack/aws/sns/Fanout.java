package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.sqs.QueueDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a topic's notifications to the queues of its matching subscriptions, all subscriptions at once, and
 * waits for them, so that a Publish answers only after its messages are on the queues. Each subscription gets its
 * messages in one send, which keeps FIFO order. A delivery that fails never fails the publish: it is counted on the
 * subscription and, when the subscription has a redrive policy, sent to its dead-letter queue.
 */
final class Fanout {

    /** SQS carries at most 10 message attributes, so a raw delivery with more cannot be made. */
    static final int MAX_RAW_ATTRIBUTES = 10;

    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private final QueueDelivery delivery;
    private final String region;

    Fanout(QueueDelivery delivery, String region) {
        this.delivery = delivery;
        this.region = region;
    }

    void deliver(List<Subscription> subscriptions, List<Notification> notifications, String endpointUrl) {
        if (notifications.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            deliveries.add(deliverTo(subscription, notifications, endpointUrl));
        }
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> deliverTo(
            Subscription subscription, List<Notification> notifications, String endpointUrl) {
        SubscriptionSettings settings = subscription.settings();
        List<QueueDelivery.Message> messages = new ArrayList<>();
        int unsendable = 0;
        for (Notification notification : notifications) {
            FilterPolicy policy = settings.filterPolicy();
            if (policy != null && !policy.matches(notification.message(), notification.attributes())) {
                subscription.countFilteredOut(1);
            } else if (settings.rawMessageDelivery()
                    && notification.attributes().size() > MAX_RAW_ATTRIBUTES) {
                // SQS, and so its dead-letter queue too, would refuse it: count it and go on.
                unsendable++;
            } else {
                messages.add(messageFor(notification, subscription, settings, endpointUrl));
            }
        }
        subscription.countFailed(unsendable);
        if (messages.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return delivery.send(subscription.queueArn(), messages)
                .thenCompose(outcomes -> afterDelivery(subscription, settings, messages, outcomes))
                .exceptionally(failure -> {
                    log.warn("delivery to {} failed", subscription.queueArn(), failure);
                    subscription.countFailed(messages.size());
                    return null;
                });
    }

    private CompletableFuture<Void> afterDelivery(
            Subscription subscription,
            SubscriptionSettings settings,
            List<QueueDelivery.Message> messages,
            List<QueueDelivery.Outcome> outcomes) {
        List<QueueDelivery.Message> failed = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).delivered()) {
                subscription.countDelivered(1);
            } else {
                subscription.countFailed(1);
                failed.add(messages.get(i));
                log.debug(
                        "delivery to {} failed: {}",
                        subscription.queueArn(),
                        outcomes.get(i).error());
            }
        }
        if (failed.isEmpty() || settings.deadLetterTargetArn() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return delivery.send(settings.deadLetterTargetArn(), failed).thenAccept(redriven -> {
            int deadLettered = (int)
                    redriven.stream().filter(QueueDelivery.Outcome::delivered).count();
            subscription.countDeadLettered(deadLettered);
        });
    }

    private QueueDelivery.Message messageFor(
            Notification notification, Subscription subscription, SubscriptionSettings settings, String endpointUrl) {
        if (settings.rawMessageDelivery()) {
            return new QueueDelivery.Message(
                    notification.message(),
                    MessageAttribute.toSqs(notification.attributes()),
                    notification.messageGroupId(),
                    notification.deduplicationId());
        }
        return new QueueDelivery.Message(
                SnsEnvelope.of(notification, subscription, endpointUrl, region),
                Map.of(),
                notification.messageGroupId(),
                notification.deduplicationId());
    }
}
