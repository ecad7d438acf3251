package io.eventshop.messaging.outbox;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The envelope that EventBridge carries, with the publish span's trace context in it. */
class EventBridgeDetailTests {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final EventJson json = new EventJson();

    @Test
    void theTraceContextIsAFieldBesideTheEnvelopesWhichReadsBackUnchanged() {
        EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID(), new BigDecimal("39.90")));

        String detail = EventBridgeEventPublisher.withTraceParent(json.write(event), TRACEPARENT);

        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(detail)
                        .get("traceparent")
                        .asString())
                .isEqualTo(TRACEPARENT);
        assertThat(json.read(detail)).isEqualTo(event);
        assertThat(detail).contains("39.90");
    }

    @Test
    void withoutAValidContextTheEnvelopeIsSentAsItIs() {
        String envelope = json.write(envelope(paymentAuthorized(UUID.randomUUID())));

        assertThat(EventBridgeEventPublisher.withTraceParent(envelope, null)).isEqualTo(envelope);
        assertThat(EventBridgeEventPublisher.withTraceParent(envelope, "not-a-traceparent"))
                .isEqualTo(envelope);
        assertThat(EventBridgeEventPublisher.withTraceParent("{}", TRACEPARENT))
                .isEqualTo("{\"traceparent\":\"" + TRACEPARENT + "\"}");
    }
}
