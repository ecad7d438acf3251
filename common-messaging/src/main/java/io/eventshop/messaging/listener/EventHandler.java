package io.eventshop.messaging.listener;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;

/**
 * Handles one type of event. It runs in the transaction of the inbox, so its state change commits together with the
 * record that the event was handled. To have the message retried, throw; to have it never retried, do not catch and
 * ignore, but record the outcome (such as a compensation) as a state change.
 *
 * @param <E> the type of event
 */
@FunctionalInterface
public interface EventHandler<E extends IntegrationEvent> {

    /**
     * @param event the event
     * @param envelope its envelope, for the ids that chain the events of a saga ({@code Outbox.addCausedBy})
     */
    void handle(E event, EventEnvelope envelope);
}
