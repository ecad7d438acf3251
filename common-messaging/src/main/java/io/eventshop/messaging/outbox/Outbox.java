package io.eventshop.messaging.outbox;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.messaging.tracing.MessageTracing;
import io.eventshop.messaging.tracing.TraceParent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: a service adds its events here in the transaction that changes its state, so that the
 * events are stored if and only if the change commits. Nothing is published here; the {@link OutboxRelay} publishes
 * after the commit, and is woken up by it.
 *
 * <pre>{@code
 * @Transactional
 * void authorize(EventEnvelope orderPlaced) {
 *     payments.save(payment);
 *     outbox.addCausedBy(orderPlaced, new PaymentAuthorized(...));
 * }
 * }</pre>
 *
 * <p>Events of one message group (one order) must be added by transactions that serialize on that group's state, as
 * they do when each one updates the order's row: the relay publishes a group in the order of its rows.
 */
public final class Outbox {

    /** The event whose handler runs on this thread, if any: the cause of what {@link #add(IntegrationEvent)} adds. */
    private static final ThreadLocal<EventEnvelope> HANDLED = new ThreadLocal<>();

    private final OutboxRepository repository;
    private final EventJson json;
    private final MessageTracing tracing;
    private final Runnable afterCommit;
    private final String serviceName;
    private final Clock clock;

    Outbox(
            OutboxRepository repository,
            EventJson json,
            MessageTracing tracing,
            Runnable afterCommit,
            String serviceName,
            Clock clock) {
        this.repository = repository;
        this.json = json;
        this.tracing = tracing;
        this.afterCommit = afterCommit;
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /**
     * Stores {@code envelope} in the current transaction, with the current trace context.
     *
     * @throws IllegalTransactionStateException if no transaction is active: an event stored outside the transaction
     *     of its state change could be published for a change that never happened, or lost for one that did
     */
    public void add(EventEnvelope envelope) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Outbox.add needs an active transaction: the event must commit with the state change it reports");
        }
        repository.insert(
                envelope.eventId(),
                envelope.eventType(),
                envelope.orderingKey(),
                envelope.source(),
                json.write(envelope),
                attributes(envelope));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
    }

    /**
     * Stores {@code event}, published by this service, in a new envelope.
     *
     * @param correlationId the id shared by every event of the saga
     * @param causationId the eventId of the event that caused this one, or null for the first of a saga
     * @return the envelope that was stored
     */
    public EventEnvelope add(IntegrationEvent event, UUID correlationId, @Nullable UUID causationId) {
        EventEnvelope envelope = EventEnvelope.of(event, serviceName, correlationId, causationId, clock);
        add(envelope);
        return envelope;
    }

    /**
     * Stores {@code event} in a new envelope: as caused by the event being {@linkplain #handling handled} on this
     * thread, if there is one, or as the first event of a saga correlated by its order id (a random id for an event
     * outside any order). This is what a service's event mapper calls, as it cannot see the message being handled.
     *
     * @return the envelope that was stored
     */
    public EventEnvelope add(IntegrationEvent event) {
        EventEnvelope cause = HANDLED.get();
        if (cause != null) {
            return addCausedBy(cause, event);
        }
        return add(event, event.orderId() != null ? event.orderId() : UUID.randomUUID(), null);
    }

    /**
     * Runs {@code handler} with {@code cause} as the cause of every event it {@linkplain #add(IntegrationEvent) adds}.
     * The listener calls it around each handler, so the saga's correlation and causation ids need no parameter.
     */
    public static void handling(EventEnvelope cause, Runnable handler) {
        EventEnvelope outer = HANDLED.get();
        HANDLED.set(cause);
        try {
            handler.run();
        } finally {
            if (outer == null) {
                HANDLED.remove();
            } else {
                HANDLED.set(outer);
            }
        }
    }

    /**
     * Stores {@code event}, which {@code cause} caused, in a new envelope of the same saga.
     *
     * @return the envelope that was stored
     */
    public EventEnvelope addCausedBy(EventEnvelope cause, IntegrationEvent event) {
        EventEnvelope envelope = EventEnvelope.causedBy(cause, event, serviceName, clock);
        add(envelope);
        return envelope;
    }

    /**
     * The message attributes: what SNS subscriptions filter on, and the trace context of the transaction that writes
     * the event (the request's, or the handling of the message that caused it), which the relay's publish span
     * continues. Five at most: SQS takes ten per message, and a dead letter adds two (the reason and the queue).
     */
    private Map<String, String> attributes(EventEnvelope envelope) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("eventType", envelope.eventType());
        attributes.put("source", envelope.source());
        if (envelope.orderId() != null) {
            attributes.put("orderId", envelope.orderId().toString());
        }
        envelope.data().monetaryAmount().ifPresent(amount -> attributes.put("amount", amount.toPlainString()));
        tracing.current().ifPresent(context -> attributes.put(TraceParent.NAME, context.toString()));
        return attributes;
    }
}
