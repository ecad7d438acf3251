package io.eventshop.inventory.reservation.domain;

import io.eventshop.inventory.catalog.domain.Product;
import io.eventshop.inventory.catalog.domain.Sku;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The stock held for one order. It is made all or nothing by {@link #reserve}, and then either released (the order
 * was cancelled or could not ship) or committed (the order was confirmed), once.
 */
public final class Reservation {

    private final ReservationId id;
    private final UUID orderId;
    private final List<ReservationLine> lines;
    private ReservationStatus status;

    public Reservation(ReservationId id, UUID orderId, List<ReservationLine> lines, ReservationStatus status) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.lines = List.copyOf(lines);
        this.status = Objects.requireNonNull(status, "status");
        if (this.lines.isEmpty()) {
            throw new IllegalArgumentException("a reservation needs at least one line");
        }
    }

    /**
     * Reserves every line of the order, or none of them.
     *
     * @param requested the order's lines; lines of the same sku are held together
     * @param products the products of those skus, locked by the caller; a sku without one is unavailable
     */
    public static ReservationAttempt reserve(
            UUID orderId, List<ReservationLine> requested, Map<Sku, Product> products) {
        List<ReservationLine> lines = mergedBySku(requested);
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
        return new ReservationAttempt.Reserved(
                new Reservation(ReservationId.random(), orderId, lines, ReservationStatus.ACTIVE));
    }

    /** Gives the held stock back to the products. Only an ACTIVE reservation can be released. */
    public void release(Map<Sku, Product> products) {
        requireActive("release");
        lines.forEach(line -> productOf(line, products).release(line.quantity()));
        status = ReservationStatus.RELEASED;
    }

    /** The order was confirmed: the held stock leaves the products. Only an ACTIVE reservation can be committed. */
    public void commit(Map<Sku, Product> products) {
        requireActive("commit");
        lines.forEach(line -> productOf(line, products).commit(line.quantity()));
        status = ReservationStatus.COMMITTED;
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

    public UUID orderId() {
        return orderId;
    }

    public List<ReservationLine> lines() {
        return lines;
    }

    public ReservationStatus status() {
        return status;
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
