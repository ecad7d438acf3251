package io.eventshop.shipping.shipment.persistence;

import io.eventshop.shipping.shipment.application.ShipmentTombstones;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code shipment_tombstone} table. */
@Repository
class JdbcShipmentTombstones implements ShipmentTombstones {

    private final JdbcClient jdbc;

    JdbcShipmentTombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addIfAbsent(UUID orderId, String reason) {
        jdbc.sql("insert into shipment_tombstone (order_id, reason) values (?, ?) on conflict (order_id) do nothing")
                .params(orderId, reason)
                .update();
    }

    @Override
    public boolean exists(UUID orderId) {
        return jdbc.sql("select exists (select 1 from shipment_tombstone where order_id = ?)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }
}
