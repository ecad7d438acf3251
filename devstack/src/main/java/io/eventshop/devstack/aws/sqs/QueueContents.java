package io.eventshop.devstack.aws.sqs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;
import org.elasticmq.BinaryMessageAttribute;
import org.elasticmq.MessageAttribute;
import org.elasticmq.NumberMessageAttribute;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.actor.queue.OperationSuccessful$;
import org.elasticmq.actor.queue.QueueEvent;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.OptionConverters;

/**
 * What each queue holds, as ElasticMQ reports it to its queue event listener: every message added, received, moved or
 * deleted. The devstack console reads it to show the messages of a dead-letter queue and the age of each queue's
 * oldest message, which SQS's API could give only by receiving them, and so by changing their receive counts and
 * hiding them from consumers.
 *
 * <p>ElasticMQ answers an SQS request only once the listener has taken its events, so the view is never behind what a
 * client has been told. One thing passes it by: PurgeQueue, which ElasticMQ does not report; {@link
 * #forgetHeardBefore} lets a reader drop what a purge left behind.
 */
public final class QueueContents {

    /** A message attribute as SQS shows it: its data type and its value (base64 for a binary one). */
    public record Attribute(String dataType, String value) {}

    /**
     * A message of a queue.
     *
     * @param receiveCount how often it has been received, in this queue and, for one that SQS moved to its
     *     dead-letter queue, in the queue it came from
     * @param messageGroupId its group in a FIFO queue, or null
     * @param movedFrom the queue whose redrive policy moved it here after too many receives, or null
     */
    public record Message(
            String id,
            String body,
            Map<String, Attribute> attributes,
            Instant sentAt,
            int receiveCount,
            String messageGroupId,
            String movedFrom) {}

    /**
     * The listener's record of a message: ElasticMQ's own (which changes only its delivery fields once added), its
     * receive count as the last event told, and when that event came.
     */
    private record Held(InternalMessage message, int receiveCount, Instant heardAt) {}

    private final Map<String, Map<String, Held>> queues = new ConcurrentHashMap<>();

    /** The listener that ElasticMQ's queue manager and queues report to. */
    Props listener() {
        return Props.create(Listener.class, () -> new Listener(this));
    }

    /** The number of messages the queue holds, in flight and delayed ones included. */
    public int size(String queueName) {
        Map<String, Held> messages = queues.get(queueName);
        return messages == null ? 0 : messages.size();
    }

    /** When the oldest message of the queue was sent, if it holds any. */
    public Optional<Instant> oldestSentAt(String queueName) {
        Map<String, Held> messages = queues.get(queueName);
        if (messages == null) {
            return Optional.empty();
        }
        return messages.values().stream()
                .map(held -> held.message().created().toInstant())
                .min(Comparator.naturalOrder());
    }

    /** Up to {@code max} messages of the queue, oldest first. */
    public List<Message> messages(String queueName, int max) {
        Map<String, Held> messages = queues.get(queueName);
        if (messages == null) {
            return List.of();
        }
        List<Held> held = new ArrayList<>(messages.values());
        held.sort(Comparator.comparing((Held h) -> h.message().created())
                .thenComparingInt(h -> h.message().orderIndex()));
        return held.stream().limit(max).map(QueueContents::toMessage).toList();
    }

    /**
     * Forgets what it heard of the queue's messages before {@code instant}: for a reader that asked SQS after that
     * instant and learnt that the queue was empty, after a PurgeQueue that ElasticMQ does not report. A message that
     * arrived since, even one sent long ago and moved here, stays.
     */
    public void forgetHeardBefore(String queueName, Instant instant) {
        Map<String, Held> messages = queues.get(queueName);
        if (messages != null) {
            messages.values().removeIf(held -> held.heardAt().isBefore(instant));
        }
    }

    private void put(String queueName, InternalMessage message) {
        queues.computeIfAbsent(queueName, name -> new ConcurrentHashMap<>())
                .put(message.id(), new Held(message, message.receiveCount(), Instant.now()));
    }

    private void remove(String queueName, String messageId) {
        Map<String, Held> messages = queues.get(queueName);
        if (messages != null) {
            messages.remove(messageId);
        }
    }

    private static Message toMessage(Held held) {
        InternalMessage message = held.message();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        CollectionConverters.asJava(message.messageAttributes())
                .forEach((name, value) -> attributes.put(name, attribute(value)));
        return new Message(
                message.id(),
                message.content().value(),
                attributes,
                message.created().toInstant(),
                held.receiveCount(),
                OptionConverters.toJava(message.messageGroupId()).orElse(null),
                OptionConverters.toJava(message.deadLetterSourceQueueName()).orElse(null));
    }

    private static Attribute attribute(MessageAttribute attribute) {
        String value =
                switch (attribute) {
                    case StringMessageAttribute string -> string.stringValue();
                    case NumberMessageAttribute number -> number.stringValue();
                    case BinaryMessageAttribute binary -> binary.asBase64();
                    default -> "";
                };
        return new Attribute(attribute.getDataType(), value);
    }

    /**
     * ElasticMQ's queue event listener. A queue waits for the answer to each message event before it answers the
     * request that caused it, so this answers at once, after one map update.
     */
    static final class Listener extends AbstractActor {

        private final QueueContents contents;

        Listener(QueueContents contents) {
            this.contents = contents;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder()
                    .match(QueueEvent.MessageAdded.class, event -> {
                        contents.put(event.queueName(), event.message());
                        acknowledge();
                    })
                    .match(QueueEvent.MessageUpdated.class, event -> {
                        contents.put(event.queueName(), event.message());
                        acknowledge();
                    })
                    .match(QueueEvent.MessageRemoved.class, event -> {
                        contents.remove(event.queueName(), event.messageId());
                        acknowledge();
                    })
                    .match(QueueEvent.QueueDeleted.class, event -> contents.queues.remove(event.queueName()))
                    // QueueCreated, QueueMetadataUpdated: nothing to keep.
                    .matchAny(event -> {})
                    .build();
        }

        private void acknowledge() {
            getSender().tell(OperationSuccessful$.MODULE$, getSelf());
        }
    }
}
