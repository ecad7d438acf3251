package io.eventshop.devstack.sns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Turns validated inputs into notifications and hands them to the fan-out. On a FIFO topic it numbers them, drops
 * the ones whose deduplication id it saw in the last five minutes (answering as it did the first time), and holds
 * the topic while delivering so that the queues see the messages in sequence-number order.
 */
final class Publisher {

    /** What a publish answers for one message. */
    record Published(String messageId, String sequenceNumber) {}

    private final TopicCatalog catalog;
    private final Fanout fanout;
    private final Clock clock;

    Publisher(TopicCatalog catalog, Fanout fanout, Clock clock) {
        this.catalog = catalog;
        this.fanout = fanout;
        this.clock = clock;
    }

    List<Published> publish(Topic topic, List<PublishInput> inputs, String endpointUrl) {
        if (!topic.fifo()) {
            List<Published> answers = new ArrayList<>();
            List<Notification> notifications = new ArrayList<>();
            for (PublishInput input : inputs) {
                Notification notification = notification(topic, input, null, null);
                notifications.add(notification);
                answers.add(new Published(notification.messageId(), null));
            }
            fanout.deliver(catalog.subscriptionsOf(topic.arn()), notifications, endpointUrl);
            return answers;
        }
        topic.publishing().lock();
        try {
            return publishInOrder(topic, inputs, endpointUrl);
        } finally {
            topic.publishing().unlock();
        }
    }

    private List<Published> publishInOrder(Topic topic, List<PublishInput> inputs, String endpointUrl) {
        Instant now = clock.instant();
        DeduplicationWindow window = topic.deduplication(now);
        List<Published> answers = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        for (PublishInput input : inputs) {
            String deduplicationId =
                    input.deduplicationId() != null ? input.deduplicationId() : sha256(input.message());
            DeduplicationWindow.Accepted earlier = window.find(deduplicationId);
            if (earlier != null) {
                answers.add(new Published(earlier.messageId(), earlier.sequenceNumber()));
                continue;
            }
            Notification notification = notification(topic, input, topic.nextSequenceNumber(), deduplicationId);
            window.remember(
                    deduplicationId,
                    new DeduplicationWindow.Accepted(notification.messageId(), notification.sequenceNumber(), now));
            notifications.add(notification);
            answers.add(new Published(notification.messageId(), notification.sequenceNumber()));
        }
        fanout.deliver(catalog.subscriptionsOf(topic.arn()), notifications, endpointUrl);
        return answers;
    }

    private Notification notification(Topic topic, PublishInput input, String sequenceNumber, String deduplicationId) {
        return new Notification(
                UUID.randomUUID().toString(),
                sequenceNumber,
                topic.arn(),
                input.subject(),
                input.message(),
                input.attributes(),
                input.messageGroupId(),
                deduplicationId,
                clock.instant());
    }

    /** Content-based deduplication: the SHA-256 of the message, as SQS does it. */
    private static String sha256(String message) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
