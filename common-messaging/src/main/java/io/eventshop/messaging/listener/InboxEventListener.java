package io.eventshop.messaging.listener;

import io.awspring.cloud.sqs.listener.MessageListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.MalformedEventException;
import io.eventshop.messaging.inbox.Inbox;
import io.eventshop.messaging.outbox.Outbox;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Handles one SQS message: it reads the envelope, finds the handler of its type and runs it through the inbox.
 *
 * <ul>
 *   <li>It returns normally when the handler ran or the event was a duplicate: the container deletes the message.
 *   <li>It throws what the handler threw: the message is not deleted, and the error handler delays its retry.
 *   <li>A handler that throws {@link UnprocessableMessageException} has its message sent to the dead-letter queue at
 *       once, with the reason.
 *   <li>A message that can never succeed (unreadable, or of a type this service does not handle) is sent to the
 *       dead-letter queue, and then deleted.
 * </ul>
 *
 * <p>It runs inside the span that handles the message ({@code handle <EventType>}, made for the listener container's
 * observation by {@link io.eventshop.messaging.tracing.MessageHandlingSpans}), a child of the sender's publish span:
 * the inbox transaction, and the events the handler adds to the outbox, belong to the sender's trace.
 */
final class InboxEventListener implements MessageListener<Object> {

    private static final Logger log = LoggerFactory.getLogger(InboxEventListener.class);

    private final String consumer;
    private final EventHandlers handlers;
    private final Inbox inbox;
    private final EnvelopeUnwrapper unwrapper;
    private final DeadLetters deadLetters;

    InboxEventListener(
            String consumer,
            EventHandlers handlers,
            Inbox inbox,
            EnvelopeUnwrapper unwrapper,
            DeadLetters deadLetters) {
        this.consumer = consumer;
        this.handlers = handlers;
        this.inbox = inbox;
        this.unwrapper = unwrapper;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(Message<Object> message) {
        var sqsMessage = Objects.requireNonNull(message.getHeaders()
                .get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class));
        String queueUrl =
                Objects.requireNonNull(message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER, String.class));
        EventEnvelope envelope;
        try {
            envelope = unwrapper.unwrap(sqsMessage.body());
        } catch (MalformedEventException e) {
            reject(queueUrl, sqsMessage, e.reason());
            return;
        }
        Optional<EventHandlers.Dispatch> handler = handlers.find(envelope.eventType());
        if (handler.isEmpty()) {
            reject(queueUrl, sqsMessage, "no handler for event type " + envelope.eventType() + " in " + consumer);
            return;
        }
        boolean handled;
        try {
            handled = inbox.handleOnce(
                    consumer,
                    envelope,
                    () -> Outbox.handling(envelope, () -> handler.get().handle(envelope)));
        } catch (UnprocessableMessageException e) {
            reject(queueUrl, sqsMessage, e.getMessage());
            return;
        }
        if (!handled) {
            log.info("Ignored duplicate event {} ({})", envelope.eventId(), envelope.eventType());
        }
    }

    private void reject(String queueUrl, software.amazon.awssdk.services.sqs.model.Message message, String reason) {
        log.warn("Sending message {} to the dead-letter queue of {}: {}", message.messageId(), queueUrl, reason);
        deadLetters.send(queueUrl, message, reason);
    }
}
