package io.eventshop.messaging.outbox;

/** A place the relay publishes every event to, with the column of {@code outbox_event} that records when it did. */
enum Destination {
    SNS("sns_published_at", "sns"),
    EVENT_BRIDGE("events_published_at", "eventbridge");

    private final String publishedAtColumn;
    private final String tag;

    Destination(String publishedAtColumn, String tag) {
        this.publishedAtColumn = publishedAtColumn;
        this.tag = tag;
    }

    String publishedAtColumn() {
        return publishedAtColumn;
    }

    /** The value of the {@code destination} tag of the relay's metrics. */
    String tag() {
        return tag;
    }
}
