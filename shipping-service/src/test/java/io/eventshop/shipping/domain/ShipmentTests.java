package io.eventshop.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShipmentTests {

    private final OrderId orderId = new OrderId(UUID.randomUUID());

    @Test
    void aBookedShipmentIsScheduledWithItsTrackingNumber() {
        Shipment shipment = Shipment.scheduled(orderId, "c-42", "SIM", "SIM-1");

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.SCHEDULED);
        assertThat(shipment.trackingNumber()).isEqualTo("SIM-1");
        assertThat(shipment.releaseEvents())
                .containsExactly(new ShipmentEvent.ShipmentScheduled(shipment.id(), orderId, "c-42", "SIM", "SIM-1"));
    }

    @Test
    void aRefusedBookingIsAFailedShipmentWithTheCarriersReason() {
        Shipment shipment = Shipment.undeliverable(orderId, "c-42", "SIM", "cannot deliver to AQ");

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.FAILED);
        assertThat(shipment.failureReason()).isEqualTo("cannot deliver to AQ");
        assertThat(shipment.releaseEvents())
                .containsExactly(
                        new ShipmentEvent.ShipmentFailed(shipment.id(), orderId, "c-42", "cannot deliver to AQ"));
    }

    @Test
    void aScheduledShipmentCanBeCancelledOnce() {
        Shipment shipment = Shipment.scheduled(orderId, "c-42", "SIM", "SIM-1");
        shipment.releaseEvents();

        shipment.cancel("order cancelled");

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(shipment.failureReason()).isEqualTo("order cancelled");
        assertThat(shipment.releaseEvents())
                .containsExactly(new ShipmentEvent.ShipmentFailed(shipment.id(), orderId, "c-42", "order cancelled"));
        assertThatThrownBy(() -> shipment.cancel("order cancelled")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedShipmentCannotBeCancelled() {
        Shipment shipment = Shipment.failed(orderId, "c-42", "order cancelled");

        assertThatThrownBy(() -> shipment.cancel("order cancelled")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEventsAreReleasedOnce() {
        Shipment shipment = Shipment.failed(orderId, "c-42", "order cancelled");

        assertThat(shipment.releaseEvents()).hasSize(1);
        assertThat(shipment.releaseEvents()).isEmpty();
    }
}
