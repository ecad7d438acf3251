package io.eventshop.inventory.reservation.persistence;

import io.eventshop.events.order.ShippingAddress;
import io.eventshop.inventory.reservation.application.OrderRequest;
import io.eventshop.inventory.reservation.application.OrderRequests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_request} table. */
@Repository
class JdbcOrderRequests implements OrderRequests {

    private final JdbcClient jdbc;

    JdbcOrderRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addIfAbsent(OrderRequest request) {
        jdbc.sql("""
                        insert into order_request (order_id, customer_id, lines, shipping_address)
                        values (?, ?, ?::jsonb, ?::jsonb)
                        on conflict (order_id) do nothing
                        """)
                .params(
                        request.orderId(),
                        request.customerId(),
                        JsonColumns.writeLines(request.lines()),
                        JsonColumns.writeValue(request.address()))
                .update();
    }

    @Override
    public Optional<OrderRequest> find(UUID orderId) {
        return jdbc.sql("""
                        select order_id, customer_id, lines::text, shipping_address::text
                        from order_request where order_id = ?
                        """)
                .param(orderId)
                .query(JdbcOrderRequests::orderRequest)
                .optional();
    }

    private static OrderRequest orderRequest(ResultSet rs, int row) throws SQLException {
        return new OrderRequest(
                rs.getObject("order_id", UUID.class),
                rs.getString("customer_id"),
                JsonColumns.readLines(rs.getString("lines")),
                JsonColumns.readValue(rs.getString("shipping_address"), ShippingAddress.class));
    }
}
