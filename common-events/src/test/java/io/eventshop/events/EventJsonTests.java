package io.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.payment.PaymentAuthorized;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTests {

    private final EventJson eventJson = new EventJson();

    /** Reads fixtures as trees that keep the scale of numbers, so that 45.48 and 45.480 differ. */
    private final JsonMapper trees = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static Stream<EventEnvelope> oneEnvelopeOfEachType() {
        return Events.oneOfEachType().stream().map(Events::envelopeOf);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneEnvelopeOfEachType")
    void writesEveryEventTypeAsItsPinnedFixture(EventEnvelope envelope) {
        String json = eventJson.write(envelope);

        assertThat(trees.readTree(json)).isEqualTo(trees.readTree(fixture(envelope.eventType())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneEnvelopeOfEachType")
    void readsEveryPinnedFixtureBackToItsEvent(EventEnvelope envelope) {
        assertThat(eventJson.read(fixture(envelope.eventType()))).isEqualTo(envelope);
    }

    @Test
    void everyEventTypeHasASampleAndSoAPinnedFixture() {
        assertThat(Events.oneOfEachType().stream().map(EventTypes::nameOf))
                .containsExactlyElementsOf(EventTypes.names());
    }

    @Test
    void writesOccurredAtInUtcWithMillisecondsEvenWhenTheyAreZero() {
        var envelope = Events.envelopeOf(Events.paymentAuthorized());
        var onTheSecond = new EventEnvelope(
                envelope.eventId(),
                envelope.eventType(),
                envelope.eventVersion(),
                envelope.source(),
                Instant.parse("2026-11-22T10:15:30Z"),
                envelope.orderId(),
                envelope.correlationId(),
                envelope.causationId(),
                envelope.data());

        assertThat(trees.readTree(eventJson.write(onTheSecond))
                        .get("occurredAt")
                        .asString())
                .isEqualTo("2026-11-22T10:15:30.000Z");
    }

    @Test
    void writesMoneyAsAPlainNumberNeverInScientificNotation() {
        var price =
                new io.eventshop.events.inventory.ProductPriceChanged("SKU-1", "Cup", new BigDecimal("1E+2"), "EUR");

        String json = eventJson.write(Events.envelopeOf(price));

        assertThat(json).contains("\"price\":100");
        assertThat(((ProductPriceChanged) eventJson.read(json).data()).price()).isEqualByComparingTo("100");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> eventJson.read("this is not json"))
                .isInstanceOf(MalformedEventException.class)
                .extracting(e -> ((MalformedEventException) e).reason())
                .asString()
                .startsWith("not JSON");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertReason("[1, 2, 3]", "not a JSON object");
    }

    @Test
    void rejectsAnUnknownEventType() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        json.put("eventType", "PaymentTeleported");

        assertReason(json.toString(), "unknown event type: PaymentTeleported");
    }

    @Test
    void rejectsAMissingEventType() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        json.remove("eventType");

        assertReason(json.toString(), "missing field: eventType");
    }

    @Test
    void rejectsAMissingEnvelopeField() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        json.remove("correlationId");

        assertReason(json.toString(), "missing field: correlationId");
    }

    @Test
    void rejectsAMissingData() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        json.remove("data");

        assertReason(json.toString(), "missing field: data");
    }

    @Test
    void rejectsAMissingRequiredFieldOfData() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        data(json).remove("paymentId");

        assertReason(json.toString(), "missing field: data.paymentId");
    }

    @Test
    void rejectsAMissingFieldOfANestedLine() {
        ObjectNode json = fixtureTree("OrderPlaced");
        ((ObjectNode) data(json).get("lines").get(1)).remove("quantity");

        assertReason(json.toString(), "missing field: data.lines[1].quantity");
    }

    @Test
    void rejectsANegativeAmount() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        data(json).put("amount", new BigDecimal("-45.48"));

        assertReason(json.toString(), "invalid field: data.amount (must not be negative, was -45.48)");
    }

    @Test
    void rejectsAnIdThatIsNotAUuid() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        data(json).put("paymentId", "not-a-uuid");

        assertThat(reasonOf(json.toString())).startsWith("invalid field: data.paymentId (");
    }

    @Test
    void rejectsAnEnvelopeWhoseOrderIdDiffersFromTheEvents() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        json.put("orderId", "00000000-0000-4000-8000-000000000000");

        assertThat(reasonOf(json.toString())).startsWith("invalid field: orderId (must be the orderId of data");
    }

    @Test
    void ignoresUnknownFieldsSoThatEventsCanGrowAdditively() {
        ObjectNode json = fixtureTree("PaymentAuthorized");
        data(json).put("riskScore", 0.12);
        json.put("schemaHint", "future");

        assertThat(eventJson.read(json.toString())).isEqualTo(Events.envelopeOf(Events.paymentAuthorized()));
    }

    @Test
    void readsTheDataAsTheTypeThatEventTypeNames() {
        assertThat(eventJson.read(fixture("PaymentAuthorized")).data()).isInstanceOf(PaymentAuthorized.class);
    }

    private void assertReason(String json, String reason) {
        assertThat(reasonOf(json)).isEqualTo(reason);
    }

    private String reasonOf(String json) {
        try {
            eventJson.read(json);
        } catch (MalformedEventException e) {
            return e.reason();
        }
        throw new AssertionError("expected a MalformedEventException for " + json);
    }

    private ObjectNode fixtureTree(String eventType) {
        return (ObjectNode) trees.readTree(fixture(eventType));
    }

    private static ObjectNode data(JsonNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    static String fixture(String eventType) {
        try (InputStream in = EventJsonTests.class.getResourceAsStream("/events/" + eventType + ".json")) {
            if (in == null) {
                throw new AssertionError("no fixture events/" + eventType + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
