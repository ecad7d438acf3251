package io.eventshop.messaging.listener;

/**
 * Thrown by a handler for a message that can never succeed, however often it is delivered: a sealed value that does not
 * open, for instance. The handler's transaction rolls back, and the listener sends the message to the dead-letter
 * queue at once, with this exception's message as the reason, instead of letting SQS deliver it again and again.
 */
public class UnprocessableMessageException extends RuntimeException {

    public UnprocessableMessageException(String reason) {
        super(reason);
    }
}
