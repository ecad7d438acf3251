package io.eventshop.shipping.shipment.persistence;

import io.eventshop.shipping.shipment.domain.Shipment;
import io.eventshop.shipping.shipment.domain.ShipmentId;
import io.eventshop.shipping.shipment.domain.ShipmentStatus;
import io.eventshop.shipping.shipment.domain.Shipments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code shipment} table. */
@Repository
class JdbcShipments implements Shipments {

    private static final String SELECT =
            "select id, order_id, customer_id, status, carrier, tracking_number, failure_reason from shipment";

    private final JdbcClient jdbc;

    JdbcShipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Shipment> find(ShipmentId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query(JdbcShipments::shipment)
                .optional();
    }

    @Override
    public List<Shipment> findByOrder(UUID orderId) {
        return jdbc.sql(SELECT + " where order_id = ?")
                .param(orderId)
                .query(JdbcShipments::shipment)
                .list();
    }

    @Override
    public Optional<Shipment> lockByOrder(UUID orderId) {
        return jdbc.sql(SELECT + " where order_id = ? for update")
                .param(orderId)
                .query(JdbcShipments::shipment)
                .optional();
    }

    @Override
    public void add(Shipment shipment) {
        jdbc.sql("""
                        insert into shipment (id, order_id, customer_id, status, carrier, tracking_number, failure_reason)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        shipment.id().value(),
                        shipment.orderId(),
                        shipment.customerId(),
                        shipment.status().name(),
                        shipment.carrier(),
                        shipment.trackingNumber(),
                        shipment.failureReason())
                .update();
    }

    @Override
    public void save(Shipment shipment) {
        jdbc.sql("update shipment set status = ?, failure_reason = ?, updated_at = now() where id = ?")
                .params(
                        shipment.status().name(),
                        shipment.failureReason(),
                        shipment.id().value())
                .update();
    }

    private static Shipment shipment(ResultSet rs, int row) throws SQLException {
        return new Shipment(
                new ShipmentId(rs.getObject("id", UUID.class)),
                rs.getObject("order_id", UUID.class),
                rs.getString("customer_id"),
                ShipmentStatus.valueOf(rs.getString("status")),
                rs.getString("carrier"),
                rs.getString("tracking_number"),
                rs.getString("failure_reason"));
    }
}
