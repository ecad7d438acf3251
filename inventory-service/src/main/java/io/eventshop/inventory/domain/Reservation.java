package io.eventshop.inventory.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stock held for one order. It is made all or nothing by {@link #reserve}, and then either released (the order
 * was cancelled or could not ship) or committed (the order was confirmed), once. Its changes are registered as
 * {@link ReservationEvent}s, which {@link #releaseEvents()} hands to the use case.
 *
 * <p>Only the events of its own order change a reservation, and they arrive one at a time (one message group per
 * order), so a race is rare: {@code version} catches it, and the loser's message is retried.
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    @EmbeddedId
    @AttributeOverride(name = "value", column = @Column(name = "id"))
    private ReservationId id;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "order_id"))
    private OrderId orderId;

    @ElementCollection
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "reservation_id"))
    @AttributeOverride(name = "sku.value", column = @Column(name = "sku"))
    private List<ReservationLine> lines;

    @Enumerated(EnumType.STRING)
    private ReservationStatus status;

    private Instant updatedAt;

    @Version
    private Long version;

    @Transient
    private final List<ReservationEvent> events = new ArrayList<>();

    public Reservation(ReservationId id, OrderId orderId, List<ReservationLine> lines, ReservationStatus status) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.lines = new ArrayList<>(lines);
        this.status = Objects.requireNonNull(status, "status");
        if (this.lines.isEmpty()) {
            throw new IllegalArgumentException("a reservation needs at least one line");
        }
    }

    /** For JPA. */
    protected Reservation() {}

    /**
     * Reserves every line of the order, or none of them. A reservation made registers StockReserved, with the order's
     * customer and address.
     *
     * @param order the order's request; lines of the same sku are held together
     * @param products the products of those skus, locked by the caller; a sku without one is unavailable
     */
    public static ReservationAttempt reserve(OrderRequest order, Map<Sku, Product> products) {
        List<ReservationLine> lines = mergedBySku(order.lines());
        List<Sku> unavailable = new ArrayList<>();
        for (ReservationLine line : lines) {
            Product product = products.get(line.sku());
            if (product == null || !product.canReserve(line.quantity())) {
                unavailable.add(line.sku());
            }
        }
        if (!unavailable.isEmpty()) {
            return new ReservationAttempt.Rejected(unavailable);
        }
        lines.forEach(line -> products.get(line.sku()).reserve(line.quantity()));
        Reservation reservation =
                new Reservation(ReservationId.random(), order.orderId(), lines, ReservationStatus.ACTIVE);
        reservation.events.add(new ReservationEvent.StockReserved(
                order.orderId(), reservation.id, order.customerId(), lines, order.address()));
        return new ReservationAttempt.Reserved(reservation);
    }

    /**
     * Gives the held stock back to the products, and registers StockReleased for {@code reason}. Only an ACTIVE
     * reservation can be released.
     */
    public void release(Map<Sku, Product> products, String reason) {
        requireActive("release");
        lines.forEach(line -> productOf(line, products).release(line.quantity()));
        status = ReservationStatus.RELEASED;
        events.add(new ReservationEvent.StockReleased(orderId, id, reason));
    }

    /** The order was confirmed: the held stock leaves the products. Only an ACTIVE reservation can be committed. */
    public void commit(Map<Sku, Product> products) {
        requireActive("commit");
        lines.forEach(line -> productOf(line, products).commit(line.quantity()));
        status = ReservationStatus.COMMITTED;
    }

    /** The events registered since the last call, in order; the reservation forgets them. */
    public List<ReservationEvent> releaseEvents() {
        List<ReservationEvent> released = List.copyOf(events);
        events.clear();
        return released;
    }

    public boolean isActive() {
        return status == ReservationStatus.ACTIVE;
    }

    public List<Sku> skus() {
        return lines.stream().map(ReservationLine::sku).toList();
    }

    public ReservationId id() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public List<ReservationLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public ReservationStatus status() {
        return status;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    private void requireActive(String change) {
        if (!isActive()) {
            throw new IllegalStateException(
                    "cannot " + change + " reservation " + id.value() + " of order " + orderId + ": it is " + status);
        }
    }

    private static Product productOf(ReservationLine line, Map<Sku, Product> products) {
        Product product = products.get(line.sku());
        if (product == null) {
            throw new IllegalStateException("the product " + line.sku() + " of a reservation is missing");
        }
        return product;
    }

    private static List<ReservationLine> mergedBySku(List<ReservationLine> requested) {
        Map<Sku, Integer> quantities = new LinkedHashMap<>();
        requested.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
        return quantities.entrySet().stream()
                .map(entry -> new ReservationLine(entry.getKey(), entry.getValue()))
                .toList();
    }
}
