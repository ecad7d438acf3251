package io.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30.123456Z"), ZoneOffset.UTC);

    @Test
    void derivesTypeVersionAndOrderFromTheEvent() {
        var envelope = EventEnvelope.of(
                Events.paymentAuthorized(), "payment-service", Events.CORRELATION_ID, Events.CAUSATION_ID, clock);

        assertThat(envelope.eventType()).isEqualTo("PaymentAuthorized");
        assertThat(envelope.eventVersion()).isEqualTo(1);
        assertThat(envelope.orderId()).isEqualTo(Events.ORDER_ID);
        assertThat(envelope.source()).isEqualTo("payment-service");
        assertThat(envelope.correlationId()).isEqualTo(Events.CORRELATION_ID);
        assertThat(envelope.causationId()).isEqualTo(Events.CAUSATION_ID);
    }

    @Test
    void givesEveryEnvelopeItsOwnEventId() {
        var first = EventEnvelope.of(Events.orderPlaced(), "order-service", Events.CORRELATION_ID, null, clock);
        var second = EventEnvelope.of(Events.orderPlaced(), "order-service", Events.CORRELATION_ID, null, clock);

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }

    @Test
    void keepsOccurredAtToTheMillisecondOfTheWireFormat() {
        var envelope = EventEnvelope.of(Events.orderPlaced(), "order-service", Events.CORRELATION_ID, null, clock);

        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
    }

    @Test
    void chainsAnEventToItsCauseThroughCorrelationAndCausation() {
        var placed = EventEnvelope.of(Events.orderPlaced(), "order-service", UUID.randomUUID(), null, clock);

        var authorized = EventEnvelope.causedBy(placed, Events.paymentAuthorized(), "payment-service", clock);

        assertThat(authorized.correlationId()).isEqualTo(placed.correlationId());
        assertThat(authorized.causationId()).isEqualTo(placed.eventId());
    }

    @Test
    void ordersSagaEventsByOrderAndCatalogueEventsBySku() {
        var sagaEvent = Events.envelopeOf(Events.stockReserved());
        var catalogueEvent = Events.envelopeOf(Events.productPriceChanged());

        assertThat(sagaEvent.orderingKey()).isEqualTo(Events.ORDER_ID.toString());
        assertThat(catalogueEvent.orderingKey()).isEqualTo("SKU-1001");
        assertThat(catalogueEvent.orderId()).isNull();
    }

    @Test
    void exposesTheAmountAttributeOnlyForEventsAboutMoney() {
        assertThat(Events.orderPlaced().monetaryAmount()).contains(new BigDecimal("45.48"));
        assertThat(Events.paymentRefunded().monetaryAmount()).contains(new BigDecimal("45.48"));
        assertThat(Events.stockReserved().monetaryAmount()).isEmpty();
        assertThat(Events.customerNotified().monetaryAmount()).isEmpty();
    }

    @Test
    void rejectsAnEventTypeThatDoesNotNameTheData() {
        var valid = Events.envelopeOf(Events.paymentAuthorized());

        assertThatThrownBy(() -> new EventEnvelope(
                        valid.eventId(),
                        "PaymentDeclined",
                        1,
                        valid.source(),
                        valid.occurredAt(),
                        valid.orderId(),
                        valid.correlationId(),
                        valid.causationId(),
                        valid.data()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("eventType must name the type of data");
    }

    @Test
    void rejectsAMissingCorrelationId() {
        assertThatThrownBy(() -> EventEnvelope.of(Events.orderPlaced(), "order-service", null, null, clock))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("correlationId is required");
    }

    @Test
    void rejectsABlankSource() {
        assertThatThrownBy(() -> EventEnvelope.of(Events.orderPlaced(), " ", Events.CORRELATION_ID, null, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source must not be blank");
    }
}
