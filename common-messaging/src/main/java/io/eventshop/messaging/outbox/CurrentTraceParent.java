package io.eventshop.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the current span, when the application traces with Micrometer Tracing. The relay
 * publishes it as a message attribute, so that the consumers' spans join the trace of the request that caused the
 * event.
 */
final class CurrentTraceParent {

    private final ObjectProvider<Tracer> tracer;

    CurrentTraceParent(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    Optional<String> get() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        TraceContext context = span.context();
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return Optional.of("00-" + padded(context.traceId(), 32) + "-" + padded(context.spanId(), 16) + "-" + flags);
    }

    /** Some tracers use 64-bit trace ids; W3C wants 128 bits, so they are left-padded with zeros. */
    private static String padded(String hex, int length) {
        return "0".repeat(Math.max(length - hex.length(), 0)) + hex;
    }
}
