package io.eventshop.messaging.metrics;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.interceptor.MessageInterceptor;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The age of the oldest message of the service's queue, as its listener sees it. SQS's API does not tell it (only
 * CloudWatch's {@code ApproximateAgeOfOldestMessage} does), and peeking with ReceiveMessage would count as a receive of
 * the message and could send it to the dead-letter queue; so the age is taken from the messages that the listener
 * receives anyway, by their {@code SentTimestamp}: the larger of
 *
 * <ul>
 *   <li>the age now of the oldest message that a handler is working on, and
 *   <li>the largest age at receipt of the messages received in the current and the previous gauge interval.
 * </ul>
 *
 * A backlog, a slow handler, and a message that keeps failing (each retry is received again, older) all raise it. A
 * message that waits while the listener takes nothing (stopped, or every thread stuck elsewhere) is not seen: the age
 * shows it when it is received, and until then the queue's depth is the sign.
 */
final class ListenerAges implements MessageInterceptor<Object> {

    private final Clock clock;
    /** The SentTimestamp of each message being handled, by receipt handle (one per receive). */
    private final ConcurrentMap<String, Long> handling = new ConcurrentHashMap<>();

    private final AtomicLong currentIntervalMaxMillis = new AtomicLong();
    private volatile long previousIntervalMaxMillis;

    ListenerAges(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Message<Object> intercept(Message<Object> message) {
        var source = sqsMessage(message);
        Long sent = source == null ? null : sentTimestamp(source);
        if (sent != null) {
            long age = Math.max(0, clock.millis() - sent);
            currentIntervalMaxMillis.accumulateAndGet(age, Math::max);
            handling.put(source.receiptHandle(), sent);
        }
        return message;
    }

    @Override
    public void afterProcessing(Message<Object> message, @Nullable Throwable t) {
        var source = sqsMessage(message);
        if (source != null) {
            handling.remove(source.receiptHandle());
        }
    }

    /** Starts a new gauge interval: the ages at receipt of the one before it are kept for one more. */
    void nextInterval() {
        previousIntervalMaxMillis = currentIntervalMaxMillis.getAndSet(0);
    }

    double oldestAgeSeconds() {
        long now = clock.millis();
        long oldest = Math.max(previousIntervalMaxMillis, currentIntervalMaxMillis.get());
        for (long sent : handling.values()) {
            oldest = Math.max(oldest, now - sent);
        }
        return oldest / 1000.0;
    }

    private static software.amazon.awssdk.services.sqs.model.@Nullable Message sqsMessage(Message<Object> message) {
        return message.getHeaders()
                .get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
    }

    private static @Nullable Long sentTimestamp(software.amazon.awssdk.services.sqs.model.Message message) {
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        if (sent == null) {
            return null;
        }
        try {
            return Long.parseLong(sent);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
