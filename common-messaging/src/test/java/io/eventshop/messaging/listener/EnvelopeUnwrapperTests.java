package io.eventshop.messaging.listener;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.MalformedEventException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EnvelopeUnwrapperTests {

    private final EventJson json = new EventJson();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final EnvelopeUnwrapper unwrapper = new EnvelopeUnwrapper(json);
    private final EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));

    @Test
    void aRawSnsDeliveryIsTheEnvelope() {
        assertThat(unwrapper.unwrap(json.write(event))).isEqualTo(event);
    }

    @Test
    void anSnsNotificationCarriesTheEnvelopeAsItsMessage() {
        ObjectNode notification = mapper.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", UUID.randomUUID().toString())
                .put("TopicArn", "arn:aws:sns:us-east-1:000000000000:order-events.fifo")
                .put("Message", json.write(event))
                .put("Timestamp", "2026-11-22T10:15:30.123Z");

        assertThat(unwrapper.unwrap(mapper.writeValueAsString(notification))).isEqualTo(event);
    }

    @Test
    void anEventBridgeEventCarriesTheEnvelopeAsItsDetail() {
        ObjectNode eventBridgeEvent = mapper.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "PaymentAuthorized")
                .put("source", "eventshop.payment-service")
                .put("account", "000000000000")
                .put("time", "2026-11-22T10:15:30Z")
                .put("region", "us-east-1");
        eventBridgeEvent.putArray("resources");
        eventBridgeEvent.set("detail", mapper.readTree(json.write(event)));

        assertThat(unwrapper.unwrap(mapper.writeValueAsString(eventBridgeEvent)))
                .isEqualTo(event);
    }

    @Test
    void anAmountInAnEventBridgeDetailKeepsItsScale() {
        EventEnvelope tenEuros = envelope(paymentAuthorized(UUID.randomUUID(), new BigDecimal("10.50")));
        String eventBridgeEvent = "{\"detail-type\":\"PaymentAuthorized\",\"detail\":" + json.write(tenEuros) + "}";

        assertThat(unwrapper.unwrap(eventBridgeEvent).data())
                .extracting("amount")
                .isEqualTo(new BigDecimal("10.50"));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> unwrapper.unwrap("{not json"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("not JSON");
    }

    @Test
    void anSnsNotificationWithABrokenEnvelopeIsMalformed() {
        String notification = mapper.writeValueAsString(
                mapper.createObjectNode().put("Type", "Notification").put("Message", "{\"eventType\":\"Nope\"}"));

        assertThatThrownBy(() -> unwrapper.unwrap(notification))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Nope");
    }

    @Test
    void anEventBridgeEventWhoseDetailIsNotAnObjectIsMalformed() {
        String eventBridgeEvent = "{\"detail-type\":\"PaymentAuthorized\",\"detail\":\"text\"}";

        assertThatThrownBy(() -> unwrapper.unwrap(eventBridgeEvent))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("detail is not an object");
    }
}
