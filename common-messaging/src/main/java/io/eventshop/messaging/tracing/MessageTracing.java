package io.eventshop.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The trace context of eventshop's messages on the producing side: which context an outbox row keeps, and the publish
 * span that continues it on the relay's thread. The consuming side is {@link MessageHandlingSpans}.
 *
 * <p>With the no-op tracer (tracing off) nothing is recorded, and a message carries the context its row was written
 * in, unchanged, so that a service without tracing does not cut the trace of the others.
 */
public final class MessageTracing {

    /** Tracing off: no spans, and contexts passed on as they are. */
    public static final MessageTracing OFF = new MessageTracing(Tracer.NOOP);

    private final Tracer tracer;

    public MessageTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The context of the current span, which an outbox row written now keeps. */
    public Optional<TraceParent> current() {
        Span span = tracer.currentSpan();
        return span == null ? Optional.empty() : TraceParent.of(span.context());
    }

    /** The trace id of the current span, such as the one of the request that placed an order. */
    public Optional<String> currentTraceId() {
        return current().map(TraceParent::traceId);
    }

    /**
     * Starts the producer span of one event's publication to one destination, as a child of the context its outbox row
     * was written in: the request or the handling of a message, on another thread and some time before. Without that
     * context (a row written outside any trace), the span starts a trace of its own.
     *
     * @param writtenIn the row's {@code traceparent}, or null
     * @param destination which system the event goes to ({@code sns}, {@code eventbridge}), the span's remote service
     * @param destinationName the topic's or the bus's name
     */
    public Publication publishing(
            @Nullable String writtenIn,
            String destination,
            String destinationName,
            String eventType,
            String eventId,
            String orderingKey) {
        Optional<TraceParent> parent = TraceParent.parse(writtenIn);
        Span.Builder builder = tracer.spanBuilder()
                .name("publish " + eventType)
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName(destination)
                .tag("messaging.system", destination)
                .tag("messaging.operation", "publish")
                .tag("messaging.destination.name", destinationName)
                .tag("messaging.message.id", eventId)
                .tag(Tags.EVENT_TYPE, eventType)
                .tag(Tags.ORDERING_KEY, orderingKey);
        if (parent.isPresent()) {
            builder.setParent(parent.get().toContext(tracer));
        } else {
            builder.setNoParent();
        }
        Span span = builder.start();
        return new Publication(
                span, TraceParent.of(span.context()).map(TraceParent::toString).orElse(writtenIn));
    }

    /**
     * One event's publish span, started.
     *
     * @param span the span
     * @param traceParent what the message carries: the publish span's context, so that the consumer's handling span is
     *     its child; with tracing off, the context the row was written in; null if there is none
     */
    public record Publication(Span span, @Nullable String traceParent) {

        /** Ends the span: the destination took the event. */
        public void published() {
            span.end();
        }

        /** Ends the span as failed: the relay retries the event later, under a new publish span. */
        public void failed(String error) {
            span.error(new PublicationFailedException(error));
            span.end();
        }

        /**
         * Ends the span of an event that was sent but is not counted as published, as an earlier event of its group
         * failed in the same call: it is published again after that one.
         */
        public void heldBack() {
            span.tag(Tags.HELD_BACK, "true");
            span.end();
        }
    }

    /** Why a publication failed, as the span's error; the relay logs it and retries. */
    private static final class PublicationFailedException extends RuntimeException {
        PublicationFailedException(String error) {
            super(error, null, false, false);
        }
    }

    /** The tags eventshop adds to its spans, besides OpenTelemetry's messaging ones. */
    public static final class Tags {

        public static final String EVENT_TYPE = "eventshop.event_type";
        public static final String ORDERING_KEY = "eventshop.ordering_key";
        public static final String ORDER_ID = "eventshop.order_id";
        public static final String HELD_BACK = "eventshop.held_back";

        private Tags() {}
    }
}
