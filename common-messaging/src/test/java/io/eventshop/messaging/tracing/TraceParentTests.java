package io.eventshop.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.test.simple.SimpleTraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTests {

    private static final String VALUE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsAndWritesTheW3cHeader() {
        TraceParent parent = TraceParent.parse(VALUE).orElseThrow();

        assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parent.sampled()).isTrue();
        assertThat(parent).hasToString(VALUE);
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"))
                .hasValueSatisfying(unsampled -> assertThat(unsampled.sampled()).isFalse());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "garbage",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"
            })
    void aValueThatIsNotAValidTraceParentIsNoContext(String value) {
        assertThat(TraceParent.parse(value)).isEmpty();
    }

    @Test
    void sixtyFourBitTraceIdsArePaddedToW3csLength() {
        var context = new SimpleTraceContext();
        context.setTraceId("a3ce929d0e0e4736");
        context.setSpanId("00f067aa0ba902b7");
        context.setSampled(true);

        assertThat(TraceParent.of(context)).hasValueSatisfying(parent -> assertThat(parent)
                .hasToString("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    @Test
    void theNoopTracersContextIsNoContext() {
        assertThat(TraceParent.of(TraceContext.NOOP)).isEmpty();
    }
}
