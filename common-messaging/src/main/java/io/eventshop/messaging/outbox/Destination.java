package io.eventshop.messaging.outbox;

/**
 * A place the relay publishes every event to. Column {@code sns_published_at} or {@code events_published_at} of
 * {@code outbox_event} records when it did (OutboxRepository).
 */
enum Destination {
    SNS("sns"),
    EVENT_BRIDGE("eventbridge");

    private final String tag;

    Destination(String tag) {
        this.tag = tag;
    }

    /** The value of the {@code destination} tag of the relay's metrics. */
    String tag() {
        return tag;
    }
}
