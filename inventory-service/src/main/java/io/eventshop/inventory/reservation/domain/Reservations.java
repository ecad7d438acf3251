package io.eventshop.inventory.reservation.domain;

import java.util.Optional;
import java.util.UUID;

/** The stored reservations, at most one per order. */
public interface Reservations {

    boolean existsForOrder(UUID orderId);

    /** The order's reservation, locked until the current transaction ends. */
    Optional<Reservation> lockByOrder(UUID orderId);

    void add(Reservation reservation);

    /** Stores the reservation's new status. */
    void save(Reservation reservation);
}
