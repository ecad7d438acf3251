package io.eventshop.shipping.shipment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShipmentTests {

    private final UUID orderId = UUID.randomUUID();

    @Test
    void aBookedShipmentIsScheduledWithItsTrackingNumber() {
        Shipment shipment = Shipment.booked(orderId, "c-42", new CarrierBooking.Booked("SIM", "SIM-1"));

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.SCHEDULED);
        assertThat(shipment.trackingNumber()).isEqualTo("SIM-1");
    }

    @Test
    void aRefusedBookingIsAFailedShipmentWithTheCarriersReason() {
        Shipment shipment =
                Shipment.booked(orderId, "c-42", new CarrierBooking.Undeliverable("SIM", "cannot deliver to AQ"));

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.FAILED);
        assertThat(shipment.failureReason()).isEqualTo("cannot deliver to AQ");
    }

    @Test
    void aScheduledShipmentCanBeCancelledOnce() {
        Shipment shipment = Shipment.booked(orderId, "c-42", new CarrierBooking.Booked("SIM", "SIM-1"));

        shipment.cancel("order cancelled");

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(shipment.failureReason()).isEqualTo("order cancelled");
        assertThatThrownBy(() -> shipment.cancel("order cancelled")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedShipmentCannotBeCancelled() {
        Shipment shipment = Shipment.failed(orderId, "c-42", "order cancelled");

        assertThatThrownBy(() -> shipment.cancel("order cancelled")).isInstanceOf(IllegalStateException.class);
    }
}
