package io.eventshop.inventory.persistence;

import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.Reservation;
import io.eventshop.inventory.domain.ReservationId;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data's repository of the {@code reservation} table and its {@code reservation_line}s. */
interface ReservationRepository extends JpaRepository<Reservation, ReservationId> {

    boolean existsByOrderId(OrderId orderId);

    /** The reservation with its lines, in one query. */
    @EntityGraph(attributePaths = "lines")
    Optional<Reservation> findByOrderId(OrderId orderId);
}
