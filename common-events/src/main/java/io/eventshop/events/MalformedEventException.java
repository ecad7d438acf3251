package io.eventshop.events;

/**
 * Thrown when a message cannot be read as an {@link EventEnvelope}: it is not JSON, has an unknown event type, or misses
 * or breaks a field. Such a message can never succeed, so consumers send it to the dead-letter queue at once, with
 * {@link #reason()} as the reason.
 */
public final class MalformedEventException extends RuntimeException {

    private final String reason;

    public MalformedEventException(String reason) {
        this(reason, null);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** Why the message was rejected, for example {@code "missing field: data.orderId"}. */
    public String reason() {
        return reason;
    }
}
