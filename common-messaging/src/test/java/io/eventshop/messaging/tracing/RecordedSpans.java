package io.eventshop.messaging.tracing;

import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The spans that a test's application context ended, as OpenTelemetry recorded them: a bean of this type is one more
 * span processor of Boot's tracer provider, next to the exporting one. The test sets
 * {@code management.tracing.sampling.probability=1.0}, or most spans are not recorded.
 */
public final class RecordedSpans implements SpanProcessor {

    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey(MessageTracing.Tags.EVENT_TYPE);
    static final AttributeKey<String> PEER_SERVICE = AttributeKey.stringKey("peer.service");

    private final Queue<SpanData> ended = new ConcurrentLinkedQueue<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    public List<SpanData> all() {
        return List.copyOf(ended);
    }

    /** The span that {@code traceparent} names, once it has ended (within ten seconds). */
    public SpanData named(String traceparent) {
        String spanId = TraceParent.parse(traceparent).orElseThrow().spanId();
        return awaitOne(span -> span.getSpanId().equals(spanId), "the span of " + traceparent);
    }

    /** The first span that matches, once one has ended (within twenty seconds). */
    public SpanData awaitOne(Predicate<SpanData> matching, String description) {
        return await().alias(description)
                .atMost(Duration.ofSeconds(20))
                .until(() -> ended.stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The event type a publish or handling span was tagged with. */
    public static String eventType(SpanData span) {
        return span.getAttributes().get(EVENT_TYPE);
    }
}
