package io.eventshop.messaging.outbox;

import io.eventshop.messaging.tracing.TraceParent;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
        int attempts) {

    /** The trace context the row was written in, if it was written in a trace. */
    @Nullable
    String traceParent() {
        return attributes.get(TraceParent.NAME);
    }

    /**
     * This event as it is sent: with {@code traceParent}, the context of its publish span, in place of the one it was
     * written in (or with none, if null).
     */
    OutboxEvent carrying(@Nullable String traceParent) {
        var carried = new LinkedHashMap<>(attributes);
        if (traceParent == null) {
            carried.remove(TraceParent.NAME);
        } else {
            carried.put(TraceParent.NAME, traceParent);
        }
        return new OutboxEvent(
                id,
                eventId,
                eventType,
                orderingKey,
                source,
                payload,
                Collections.unmodifiableMap(carried),
                createdAt,
                attempts);
    }
}
