package io.eventshop.inventory.persistence;

import io.eventshop.inventory.application.OrderRequests;
import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.OrderRequest;
import io.eventshop.inventory.domain.ReservationLine;
import io.eventshop.inventory.domain.ShippingAddress;
import io.eventshop.inventory.domain.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code order_request} table: a copy of each OrderPlaced, kept until its payment is authorized, with the lines
 * ({@code [{"sku": "SKU-1001", "quantity": 2}]}) and the address as JSON. It stays on plain SQL: the copy is written
 * once with {@code on conflict do nothing}, and JPA cannot write {@code jsonb} without Hibernate's own types.
 */
@Repository
class JdbcOrderRequests implements OrderRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {};

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
                        request.orderId().value(),
                        request.customerId(),
                        JSON.writeValueAsString(request.lines().stream()
                                .map(line -> new Line(line.sku().value(), line.quantity()))
                                .toList()),
                        JSON.writeValueAsString(request.address()))
                .update();
    }

    @Override
    public Optional<OrderRequest> find(OrderId orderId) {
        return jdbc.sql("""
                        select order_id, customer_id, lines::text, shipping_address::text
                        from order_request where order_id = ?
                        """)
                .param(orderId.value())
                .query(JdbcOrderRequests::orderRequest)
                .optional();
    }

    private static OrderRequest orderRequest(ResultSet rs, int row) throws SQLException {
        return new OrderRequest(
                new OrderId(rs.getObject("order_id", UUID.class)),
                rs.getString("customer_id"),
                JSON.readValue(rs.getString("lines"), LINES).stream()
                        .map(line -> new ReservationLine(new Sku(line.sku()), line.quantity()))
                        .toList(),
                JSON.readValue(rs.getString("shipping_address"), ShippingAddress.class));
    }

    /** A line as the JSON column holds it. */
    private record Line(String sku, int quantity) {}
}
