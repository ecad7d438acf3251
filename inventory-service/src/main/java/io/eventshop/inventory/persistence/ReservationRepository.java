package io.eventshop.inventory.persistence;

import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.Reservation;
import io.eventshop.inventory.domain.ReservationId;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Spring Data's repository of the {@code reservation} table and its {@code reservation_line}s. */
interface ReservationRepository extends JpaRepository<Reservation, ReservationId> {

    boolean existsByOrderId(OrderId orderId);

    /**
     * The reservation with its lines, in one query. A {@code join fetch} in JPQL rather than an entity graph: Hibernate
     * translates a query with a fetch graph to SQL again at every execution, and this one runs for most messages.
     */
    @Query("select r from Reservation r left join fetch r.lines where r.orderId = :orderId")
    Optional<Reservation> findByOrderId(OrderId orderId);
}
