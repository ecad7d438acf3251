package io.eventshop.messaging.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of {@code outbox_event} that is still to be published to some destination. */
record OutboxEvent(
        long id,
        UUID eventId,
        String eventType,
        String orderingKey,
        String source,
        String payload,
        Map<String, String> attributes,
        Instant createdAt,
        int attempts) {}
