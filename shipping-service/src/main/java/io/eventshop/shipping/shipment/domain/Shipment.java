package io.eventshop.shipping.shipment.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The shipment of one order: scheduled with a carrier, or failed. A scheduled shipment can be cancelled once, while its
 * order is being cancelled.
 */
public final class Shipment {

    private final ShipmentId id;
    private final UUID orderId;
    private final String customerId;
    private final String carrier;
    private final String trackingNumber;
    private ShipmentStatus status;
    private String failureReason;

    public Shipment(
            ShipmentId id,
            UUID orderId,
            String customerId,
            ShipmentStatus status,
            String carrier,
            String trackingNumber,
            String failureReason) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.status = Objects.requireNonNull(status, "status");
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.failureReason = failureReason;
    }

    /** The shipment of an order, as the carrier answered its booking. */
    public static Shipment booked(UUID orderId, String customerId, CarrierBooking booking) {
        return switch (booking) {
            case CarrierBooking.Booked(String carrier, String trackingNumber) ->
                new Shipment(
                        ShipmentId.random(),
                        orderId,
                        customerId,
                        ShipmentStatus.SCHEDULED,
                        carrier,
                        trackingNumber,
                        null);
            case CarrierBooking.Undeliverable(String carrier, String reason) ->
                new Shipment(ShipmentId.random(), orderId, customerId, ShipmentStatus.FAILED, carrier, null, reason);
        };
    }

    /** The shipment of an order that was cancelled before its stock was reserved: it never reaches a carrier. */
    public static Shipment failed(UUID orderId, String customerId, String reason) {
        return new Shipment(ShipmentId.random(), orderId, customerId, ShipmentStatus.FAILED, null, null, reason);
    }

    /**
     * Cancels a scheduled shipment.
     *
     * @throws IllegalStateException if the shipment is not SCHEDULED
     */
    public void cancel(String reason) {
        if (status != ShipmentStatus.SCHEDULED) {
            throw new IllegalStateException("cannot cancel shipment " + id.value() + ": it is " + status);
        }
        status = ShipmentStatus.CANCELLED;
        failureReason = Objects.requireNonNull(reason, "reason");
    }

    public boolean isScheduled() {
        return status == ShipmentStatus.SCHEDULED;
    }

    public ShipmentId id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public ShipmentStatus status() {
        return status;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String failureReason() {
        return failureReason;
    }
}
