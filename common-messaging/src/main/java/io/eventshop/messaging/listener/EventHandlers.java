package io.eventshop.messaging.listener;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventTypes;
import io.eventshop.events.IntegrationEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event handlers of a service, by event type. A service declares them as a bean:
 *
 * <pre>{@code
 * @Bean
 * EventHandlers eventHandlers(PaymentService payments) {
 *     return new EventHandlers()
 *             .on(OrderPlaced.class, (event, envelope) -> payments.authorize(event, envelope))
 *             .on(OrderCancellationRequested.class, (event, envelope) -> payments.refund(event, envelope));
 * }
 * }</pre>
 *
 * A message of a type with no handler is a misrouted message: it goes to the dead-letter queue.
 */
public final class EventHandlers {

    private final Map<String, Dispatch> byType = new LinkedHashMap<>();

    /**
     * Registers the handler of {@code type}.
     *
     * @throws IllegalStateException if {@code type} already has a handler
     */
    public <E extends IntegrationEvent> EventHandlers on(Class<E> type, EventHandler<? super E> handler) {
        String eventType = EventTypes.nameOf(type);
        if (byType.putIfAbsent(eventType, envelope -> handler.handle(type.cast(envelope.data()), envelope)) != null) {
            throw new IllegalStateException("a handler for " + eventType + " is already registered");
        }
        return this;
    }

    /** The event types that have a handler. */
    public Set<String> eventTypes() {
        return Collections.unmodifiableSet(byType.keySet());
    }

    /** The handler of the envelope's event type, ready to run. */
    Optional<Dispatch> find(String eventType) {
        return Optional.ofNullable(byType.get(eventType));
    }

    /** A handler with its event type erased, which takes the whole envelope. */
    @FunctionalInterface
    interface Dispatch {
        void handle(EventEnvelope envelope);
    }
}
