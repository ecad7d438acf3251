package io.eventshop.shipping.application;

import static io.eventshop.shipping.testing.StockReservations.aReservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.shipping.testing.ShipmentsApi;
import io.eventshop.shipping.testing.ShipmentsApi.ShipmentView;
import io.eventshop.shipping.testing.ShippingIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** shipping-service's reactions to the saga's events (docs/saga.md), and its API. */
@ShippingIntegrationTest
class ShipmentSchedulingIntegrationTests {

    private static final String QUEUE = "shipping-service-events.fifo";

    @LocalServerPort
    int port;

    private ShipmentsApi api;
    private SagaTopic topic;

    @BeforeEach
    void setUp() {
        api = new ShipmentsApi(port);
        topic = new SagaTopic().collecting("ShipmentScheduled", "ShipmentFailed");
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void aReservedOrderToGermanyIsScheduledWithTheCarrier() {
        StockReserved reserved = aReservation().to("DE").reserved();

        topic.publish(reserved, "inventory-service");

        ShipmentScheduled scheduled = topic.awaitEvent(ShipmentScheduled.class, reserved.orderId());
        assertThat(scheduled.trackingNumber()).startsWith("SIM-");
        assertThat(scheduled.customerId()).isEqualTo("c-42");
        assertThat(api.ofOrder(reserved.orderId())).singleElement().satisfies(shipment -> {
            assertThat(shipment.status()).isEqualTo("SCHEDULED");
            assertThat(shipment.id()).isEqualTo(scheduled.shipmentId());
            assertThat(shipment.carrier()).isEqualTo("SIM");
            assertThat(shipment.trackingNumber()).isEqualTo(scheduled.trackingNumber());
        });
        assertThat(api.get("/shipments/" + scheduled.shipmentId()).body(ShipmentView.class))
                .extracting(ShipmentView::orderId)
                .isEqualTo(reserved.orderId());
    }

    @Test
    void anOrderToAnUndeliverableCountryFails() {
        StockReserved reserved = aReservation().to("AQ").reserved();

        topic.publish(reserved, "inventory-service");

        assertThat(topic.awaitEvent(ShipmentFailed.class, reserved.orderId()).reason())
                .contains("cannot deliver to AQ");
        assertThat(api.ofOrder(reserved.orderId())).singleElement().satisfies(shipment -> {
            assertThat(shipment.status()).isEqualTo("FAILED");
            assertThat(shipment.failureReason()).contains("AQ");
        });
    }

    @Test
    void aCancellationAfterSchedulingCancelsTheShipmentAndReportsItFailed() {
        StockReserved reserved = aReservation().reserved();
        topic.publish(reserved, "inventory-service");
        ShipmentScheduled scheduled = topic.awaitEvent(ShipmentScheduled.class, reserved.orderId());

        topic.publish(cancellationOf(reserved), "order-service");

        ShipmentFailed failed = topic.awaitEvent(ShipmentFailed.class, reserved.orderId());
        assertThat(failed.reason()).isEqualTo("order cancelled");
        assertThat(failed.shipmentId()).isEqualTo(scheduled.shipmentId());
        assertThat(api.ofOrder(reserved.orderId()))
                .singleElement()
                .extracting(ShipmentView::status)
                .isEqualTo("CANCELLED");
    }

    @Test
    void aCancellationBeforeTheReservationLeavesATombstoneSoTheLaterReservationFails() {
        StockReserved reserved = aReservation().reserved();
        topic.publish(cancellationOf(reserved), "order-service");

        topic.publish(reserved, "inventory-service");

        assertThat(topic.awaitEvent(ShipmentFailed.class, reserved.orderId()).reason())
                .isEqualTo("order cancelled");
        assertThat(api.ofOrder(reserved.orderId())).singleElement().satisfies(shipment -> {
            assertThat(shipment.status()).isEqualTo("FAILED");
            assertThat(shipment.trackingNumber()).isNull();
        });
        assertThat(topic.collected(ShipmentScheduled.class))
                .noneMatch(event -> event.orderId().equals(reserved.orderId()));
    }

    @Test
    void aDuplicateReservationSchedulesOneShipment() {
        StockReserved reserved = aReservation().reserved();
        EventEnvelope first = topic.publish(reserved, "inventory-service");
        topic.awaitEvent(ShipmentScheduled.class, reserved.orderId());

        topic.redeliver(first, QUEUE);
        topic.publish(reserved, "inventory-service");
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.messagesIn(QUEUE) == 0);

        assertThat(api.ofOrder(reserved.orderId())).hasSize(1);
        assertThat(topic.collected(ShipmentScheduled.class))
                .filteredOn(event -> event.orderId().equals(reserved.orderId()))
                .hasSize(1);
    }

    @Test
    void anUnknownShipmentIsNotFound() {
        UUID id = UUID.randomUUID();
        var response = api.get("/shipments/" + id).toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().getProperties())
                .containsEntry("resource", "shipment")
                .containsEntry("id", id.toString());
    }

    @Test
    void aMalformedOrderIdIsABadRequestNamingTheField() {
        var response = api.get("/shipments?orderId=not-a-uuid").toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getDetail()).contains("orderId");
    }

    @Test
    void aMissingOrderIdIsABadRequestNamingTheField() {
        var response = api.get("/shipments").toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getDetail()).contains("orderId");
    }

    @Test
    void theServiceDescribesItsApiAndReportsReadiness() {
        assertThat(api.get("/v3/api-docs").body(String.class)).contains("/shipments/{id}");
        assertThat(api.get("/actuator/health/readiness").toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static OrderCancellationRequested cancellationOf(StockReserved reserved) {
        return new OrderCancellationRequested(reserved.orderId(), reserved.customerId(), "customer asked");
    }
}
