package io.eventshop.inventory.persistence;

import io.eventshop.inventory.application.Reservations;
import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.Reservation;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The {@code reservation} table, one row per order, with its lines in {@code reservation_line}. */
@Repository
class JpaReservations implements Reservations {

    private final ReservationRepository repository;

    JpaReservations(ReservationRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean existsForOrder(OrderId orderId) {
        return repository.existsByOrderId(orderId);
    }

    @Override
    public Optional<Reservation> findByOrder(OrderId orderId) {
        return repository.findByOrderId(orderId);
    }

    @Override
    public void add(Reservation reservation) {
        repository.save(reservation);
    }

    @Override
    public void save(Reservation reservation) {
        repository.save(reservation);
    }
}
