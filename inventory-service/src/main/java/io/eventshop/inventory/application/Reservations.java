package io.eventshop.inventory.application;

import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.Reservation;
import java.util.Optional;

/** The stored reservations, at most one per order. */
public interface Reservations {

    boolean existsForOrder(OrderId orderId);

    /** The order's reservation, with its lines. */
    Optional<Reservation> findByOrder(OrderId orderId);

    void add(Reservation reservation);

    /**
     * Stores the reservation's new status.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException at the latest when the transaction commits, if
     *     another transaction changed the reservation since it was read
     */
    void save(Reservation reservation);
}
