package io.eventshop.shipping.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shipment of one order: scheduled with a carrier, or failed. A scheduled shipment can be cancelled once, while its
 * order is being cancelled. Each state it reaches is registered as a {@link ShipmentEvent}, which
 * {@link #releaseEvents()} hands to the use case.
 *
 * <p>Only the events of its own order change a shipment, one at a time (one message group per order), so a race is
 * rare: {@code version} catches it, and the loser's message is retried.
 */
@Entity
@Table(name = "shipment")
public class Shipment {

    @EmbeddedId
    @AttributeOverride(name = "value", column = @Column(name = "id"))
    private ShipmentId id;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "order_id"))
    private OrderId orderId;

    private String customerId;
    private String carrier;
    private String trackingNumber;

    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;

    private String failureReason;
    private Instant updatedAt;

    @Version
    private Long version;

    @Transient
    private final List<ShipmentEvent> events = new ArrayList<>();

    public Shipment(
            ShipmentId id,
            OrderId orderId,
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

    /** For JPA. */
    protected Shipment() {}

    /** The shipment of an order that {@code carrier} took, tracked under {@code trackingNumber}. */
    public static Shipment scheduled(OrderId orderId, String customerId, String carrier, String trackingNumber) {
        Shipment shipment = new Shipment(
                ShipmentId.random(),
                orderId,
                customerId,
                ShipmentStatus.SCHEDULED,
                carrier,
                Objects.requireNonNull(trackingNumber, "trackingNumber"),
                null);
        shipment.reportState();
        return shipment;
    }

    /** The shipment of an order that {@code carrier} cannot deliver, for {@code reason}. */
    public static Shipment undeliverable(OrderId orderId, String customerId, String carrier, String reason) {
        Shipment shipment = new Shipment(
                ShipmentId.random(),
                orderId,
                customerId,
                ShipmentStatus.FAILED,
                carrier,
                null,
                Objects.requireNonNull(reason, "reason"));
        shipment.reportState();
        return shipment;
    }

    /** The shipment of an order that was cancelled before its stock was reserved: it never reaches a carrier. */
    public static Shipment failed(OrderId orderId, String customerId, String reason) {
        Shipment shipment = new Shipment(
                ShipmentId.random(),
                orderId,
                customerId,
                ShipmentStatus.FAILED,
                null,
                null,
                Objects.requireNonNull(reason, "reason"));
        shipment.reportState();
        return shipment;
    }

    /**
     * Cancels a scheduled shipment, and registers ShipmentFailed for {@code reason}, so that the saga compensates.
     *
     * @throws IllegalStateException if the shipment is not SCHEDULED
     */
    public void cancel(String reason) {
        if (status != ShipmentStatus.SCHEDULED) {
            throw new IllegalStateException("cannot cancel shipment " + id.value() + ": it is " + status);
        }
        status = ShipmentStatus.CANCELLED;
        failureReason = Objects.requireNonNull(reason, "reason");
        reportState();
    }

    /** The events registered since the last call, in order; the shipment forgets them. */
    public List<ShipmentEvent> releaseEvents() {
        List<ShipmentEvent> released = List.copyOf(events);
        events.clear();
        return released;
    }

    public boolean isScheduled() {
        return status == ShipmentStatus.SCHEDULED;
    }

    public ShipmentId id() {
        return id;
    }

    public OrderId orderId() {
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

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    private void reportState() {
        events.add(
                isScheduled()
                        ? new ShipmentEvent.ShipmentScheduled(id, orderId, customerId, carrier, trackingNumber)
                        : new ShipmentEvent.ShipmentFailed(id, orderId, customerId, failureReason));
    }
}
