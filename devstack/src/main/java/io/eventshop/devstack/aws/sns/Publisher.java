package io.eventshop.devstack.aws.sns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns validated inputs into notifications and hands them to the fan-out. On a FIFO topic it numbers them and drops
 * the ones whose deduplication id it saw in the last five minutes (answering as it did the first time), holding the
 * topic only for that; then it delivers once the earlier publishes of the same message groups have been delivered, so
 * that the queues see each group in sequence-number order while other groups' publishes go on side by side.
 */
final class Publisher {

    /** What a publish answers for one message. */
    record Published(String messageId, String sequenceNumber) {}

    /** A FIFO publish once its messages are numbered: what it answers, and what it still has to deliver. */
    private record Accepted(List<Published> answers, List<Notification> notifications, GroupOrder.Turn turn) {}

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
        Accepted accepted;
        topic.publishing().lock();
        try {
            accepted = accept(topic, inputs);
        } finally {
            topic.publishing().unlock();
        }
        try (GroupOrder.Turn turn = accepted.turn()) {
            turn.awaitEarlier();
            fanout.deliver(catalog.subscriptionsOf(topic.arn()), accepted.notifications(), endpointUrl);
        }
        return accepted.answers();
    }

    /**
     * Numbers the new messages and takes their turn; call with the topic held. A duplicate takes a turn in its group
     * too, so that it is answered only once the message it repeats has been delivered.
     */
    private Accepted accept(Topic topic, List<PublishInput> inputs) {
        Instant now = clock.instant();
        DeduplicationWindow window = topic.deduplication();
        List<Published> answers = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        for (PublishInput input : inputs) {
            groups.add(input.messageGroupId());
            String deduplicationId =
                    input.deduplicationId() != null ? input.deduplicationId() : sha256(input.message());
            DeduplicationWindow.Accepted earlier = window.find(deduplicationId, now);
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
        return new Accepted(answers, notifications, topic.groupOrder().enter(groups));
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
