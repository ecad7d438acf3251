package io.eventshop.inventory.reservation.persistence;

import io.eventshop.inventory.reservation.application.OrderTombstones;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_tombstone} table. */
@Repository
class JdbcOrderTombstones implements OrderTombstones {

    private final JdbcClient jdbc;

    JdbcOrderTombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addIfAbsent(UUID orderId, String reason) {
        jdbc.sql("insert into order_tombstone (order_id, reason) values (?, ?) on conflict (order_id) do nothing")
                .params(orderId, reason)
                .update();
    }

    @Override
    public boolean exists(UUID orderId) {
        return jdbc.sql("select exists (select 1 from order_tombstone where order_id = ?)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }
}
