package io.eventshop.messaging.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A W3C {@code traceparent} value ({@code 00-<trace id>-<span id>-<flags>}): the trace context that an outbox row and
 * a message carry, so that the span that continues it, on another thread or in another service, knows its parent.
 *
 * <p>eventshop writes and reads the header itself rather than through a propagator: a propagator may add
 * {@code tracestate} and {@code baggage}, and every message attribute counts against SQS's limit of ten.
 *
 * @param traceId 32 lower-case hex digits
 * @param spanId 16 lower-case hex digits: the span that is the parent of whatever continues the context
 * @param sampled whether the trace is recorded
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

    /** The name of the message attribute and of the envelope field on EventBridge. */
    public static final String NAME = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);

    /**
     * Reads a {@code traceparent} value.
     *
     * @return empty for null, a malformed value, a version other than 00 or the all-zero ids that W3C calls invalid: a
     *     message with a broken context starts a new trace rather than fail
     */
    public static Optional<TraceParent> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches()
                || matcher.group(1).equals(INVALID_TRACE_ID)
                || matcher.group(2).equals(INVALID_SPAN_ID)) {
            return Optional.empty();
        }
        boolean sampled = (Integer.parseInt(matcher.group(3), 16) & 1) == 1;
        return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), sampled));
    }

    /**
     * The context of a span. Tracers that use 64-bit trace ids have them left-padded to W3C's 128 bits.
     *
     * @return empty for a span that records nothing, such as the no-op tracer's, whose ids are empty
     */
    public static Optional<TraceParent> of(TraceContext context) {
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId.isEmpty() || spanId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new TraceParent(padded(traceId, 32), padded(spanId, 16), Boolean.TRUE.equals(context.sampled())));
    }

    /** The context to give a span builder as its parent. */
    public TraceContext toContext(Tracer tracer) {
        return tracer.traceContextBuilder()
                .traceId(traceId)
                .spanId(spanId)
                .sampled(sampled)
                .build();
    }

    /** The header's value. */
    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String padded(String hex, int length) {
        return "0".repeat(Math.max(length - hex.length(), 0)) + hex;
    }
}
