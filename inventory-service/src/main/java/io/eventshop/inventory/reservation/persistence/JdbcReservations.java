package io.eventshop.inventory.reservation.persistence;

import io.eventshop.inventory.reservation.domain.Reservation;
import io.eventshop.inventory.reservation.domain.ReservationId;
import io.eventshop.inventory.reservation.domain.ReservationStatus;
import io.eventshop.inventory.reservation.domain.Reservations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reservation} table. */
@Repository
class JdbcReservations implements Reservations {

    private static final String SELECT = "select id, order_id, status, lines::text from reservation";

    private final JdbcClient jdbc;

    JdbcReservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean existsForOrder(UUID orderId) {
        return jdbc.sql("select exists (select 1 from reservation where order_id = ?)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<Reservation> lockByOrder(UUID orderId) {
        return jdbc.sql(SELECT + " where order_id = ? for update")
                .param(orderId)
                .query(JdbcReservations::reservation)
                .optional();
    }

    @Override
    public void add(Reservation reservation) {
        jdbc.sql("insert into reservation (id, order_id, status, lines) values (?, ?, ?, ?::jsonb)")
                .params(
                        reservation.id().value(),
                        reservation.orderId(),
                        reservation.status().name(),
                        JsonColumns.writeLines(reservation.lines()))
                .update();
    }

    @Override
    public void save(Reservation reservation) {
        jdbc.sql("update reservation set status = ?, updated_at = now() where id = ?")
                .params(reservation.status().name(), reservation.id().value())
                .update();
    }

    private static Reservation reservation(ResultSet rs, int row) throws SQLException {
        return new Reservation(
                new ReservationId(rs.getObject("id", UUID.class)),
                rs.getObject("order_id", UUID.class),
                JsonColumns.readLines(rs.getString("lines")),
                ReservationStatus.valueOf(rs.getString("status")));
    }
}
