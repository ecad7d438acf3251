package io.eventshop.messaging.metrics;

import io.eventshop.events.EventTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts what became of each message that the listener took from the service's queue, by event type:
 * {@code eventshop.messages.handled} with the tags {@code event_type} and {@code outcome}, one of
 *
 * <ul>
 *   <li>{@code handled}: the handler ran and its transaction committed (the inbox counts it);
 *   <li>{@code duplicate}: the consumer had handled the event before, so nothing ran (the inbox counts it);
 *   <li>{@code retried}: the handler, or the inbox around it, threw; the message stays in the queue and comes back
 *       after the retry delay, or goes to the dead-letter queue once SQS has delivered it {@code maxReceiveCount}
 *       times (the listener's error handler counts it);
 *   <li>{@code dead_lettered}: the listener sent the message to the dead-letter queue itself, because it can never
 *       succeed (unreadable, of a type the service does not handle, or refused by its handler); the reason travels
 *       with the dead letter, not in a tag ({@code listener/DeadLetters} counts it).
 * </ul>
 *
 * Each delivery of a message counts once, so a message handled at its third attempt counts two {@code retried} and one
 * {@code handled}.
 *
 * <p>The tags stay few, as CloudWatch bills each series: {@code event_type} is one of the registered event types
 * ({@link EventTypes#names()}), or {@value #UNKNOWN_EVENT_TYPE} for a message whose type cannot be read or is not one
 * of them, and a reason is never a tag.
 */
public final class HandlerOutcomes {

    /** The counter's name. */
    public static final String METER = "eventshop.messages.handled";

    /** The {@code event_type} of a message whose type is unreadable or not a registered one. */
    public static final String UNKNOWN_EVENT_TYPE = "unknown";

    /** What became of a message. */
    public enum Outcome {
        HANDLED,
        DUPLICATE,
        RETRIED,
        DEAD_LETTERED;

        /** The value of the {@code outcome} tag. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<Outcome, ConcurrentMap<String, Counter>> counters = new EnumMap<>(Outcome.class);

    public HandlerOutcomes(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, new ConcurrentHashMap<>());
        }
    }

    /** Counts one message of {@code eventType} (any string: an unregistered type counts as unknown). */
    public void count(@Nullable String eventType, Outcome outcome) {
        String tag = eventType != null && EventTypes.names().contains(eventType) ? eventType : UNKNOWN_EVENT_TYPE;
        counters.get(outcome)
                .computeIfAbsent(tag, type -> Counter.builder(METER)
                        .description("Messages taken from the service's queue, by event type and outcome")
                        .tag("event_type", type)
                        .tag("outcome", outcome.tag())
                        .register(registry))
                .increment();
    }
}
