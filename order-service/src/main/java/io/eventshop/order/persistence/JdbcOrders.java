package io.eventshop.order.persistence;

import io.eventshop.order.application.Orders;
import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderLine;
import io.eventshop.order.domain.OrderStatus;
import io.eventshop.order.domain.SagaState;
import io.eventshop.order.domain.SagaStep;
import io.eventshop.order.domain.ShippingAddress;
import io.eventshop.order.domain.Sku;
import io.eventshop.order.domain.StepRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the order aggregate in three tables: {@code customer_order}, its {@code order_line}s and its
 * {@code saga_step}s. Lines never change; the saga's history only grows, so an update appends the new steps.
 */
@Repository
class JdbcOrders implements Orders {

    private static final String SELECT_ORDER = "select * from customer_order";

    private final JdbcClient jdbc;

    JdbcOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Order order) {
        ShippingAddress address = order.shippingAddress();
        jdbc.sql("""
                        insert into customer_order (id, customer_id, status, total_amount, currency, payment_token,
                            ship_to_name, ship_to_street, ship_to_city, ship_to_postal_code, ship_to_country,
                            saga_step, failure_reason, cancellation_reason, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        order.id().value(),
                        order.customerId(),
                        order.status().name(),
                        order.total().amount(),
                        order.total().currency(),
                        order.paymentToken(),
                        address.name(),
                        address.street(),
                        address.city(),
                        address.postalCode(),
                        address.country(),
                        order.saga().step().name(),
                        order.saga().failureReason(),
                        order.cancellationReason(),
                        timestamp(order.createdAt()),
                        timestamp(order.updatedAt()))
                .update();
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            jdbc.sql("insert into order_line (order_id, line_no, sku, quantity, unit_price) values (?, ?, ?, ?, ?)")
                    .params(
                            order.id().value(),
                            i,
                            line.sku().value(),
                            line.quantity(),
                            line.unitPrice().amount())
                    .update();
        }
        appendSteps(order, 0);
    }

    @Override
    public void update(Order order) {
        jdbc.sql("""
                        update customer_order
                           set status = ?, saga_step = ?, failure_reason = ?, cancellation_reason = ?, updated_at = ?
                         where id = ?
                        """)
                .params(
                        order.status().name(),
                        order.saga().step().name(),
                        order.saga().failureReason(),
                        order.cancellationReason(),
                        timestamp(order.updatedAt()),
                        order.id().value())
                .update();
        int stored = jdbc.sql("select count(*) from saga_step where order_id = ?")
                .param(order.id().value())
                .query(Integer.class)
                .single();
        appendSteps(order, stored);
    }

    private void appendSteps(Order order, int from) {
        List<StepRecord> steps = order.saga().steps();
        for (int seq = from; seq < steps.size(); seq++) {
            StepRecord step = steps.get(seq);
            jdbc.sql("insert into saga_step (order_id, seq, step, at) values (?, ?, ?, ?)")
                    .params(order.id().value(), seq, step.step().name(), timestamp(step.at()))
                    .update();
        }
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return jdbc.sql(SELECT_ORDER + " where id = ?")
                .param(id.value())
                .query(this::order)
                .optional();
    }

    @Override
    public Optional<Order> lock(OrderId id) {
        return jdbc.sql(SELECT_ORDER + " where id = ? for update")
                .param(id.value())
                .query(this::order)
                .optional();
    }

    @Override
    public OrderPage search(@Nullable String customerId, @Nullable OrderStatus status, int page, int size) {
        String where = " where (cast(:customer as text) is null or customer_id = :customer)"
                + " and (cast(:status as text) is null or status = :status)";
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("select count(*) from customer_order" + where)
                .param("customer", customerId)
                .param("status", statusName)
                .query(Long.class)
                .single();
        List<Order> orders = jdbc.sql(SELECT_ORDER + where + " order by created_at desc, id limit :size offset :offset")
                .param("customer", customerId)
                .param("status", statusName)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::order)
                .list();
        return new OrderPage(orders, page, size, total);
    }

    @Override
    public List<OrderId> overdue(Instant placedBefore, int limit) {
        return jdbc.sql("""
                        select o.id from customer_order o
                         where o.status = 'PENDING' and o.created_at < ?
                           and not exists (select 1 from saga_step s where s.order_id = o.id
                                            and s.step in ('CANCELLATION_REQUESTED', 'SHIPMENT_SCHEDULED'))
                         order by o.created_at
                         limit ?
                        """)
                .params(timestamp(placedBefore), limit)
                .query((rs, row) -> new OrderId(rs.getObject("id", UUID.class)))
                .list();
    }

    private Order order(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String currency = rs.getString("currency");
        return Order.restore(
                new OrderId(id),
                rs.getString("customer_id"),
                lines(id, currency),
                rs.getString("payment_token"),
                new ShippingAddress(
                        rs.getString("ship_to_name"),
                        rs.getString("ship_to_street"),
                        rs.getString("ship_to_city"),
                        rs.getString("ship_to_postal_code"),
                        rs.getString("ship_to_country")),
                instant(rs, "created_at"),
                OrderStatus.valueOf(rs.getString("status")),
                SagaState.restore(
                        SagaStep.valueOf(rs.getString("saga_step")), steps(id), rs.getString("failure_reason")),
                rs.getString("cancellation_reason"),
                instant(rs, "updated_at"));
    }

    private List<OrderLine> lines(UUID orderId, String currency) {
        return jdbc.sql("select sku, quantity, unit_price from order_line where order_id = ? order by line_no")
                .param(orderId)
                .query((rs, row) -> new OrderLine(
                        new Sku(rs.getString("sku")),
                        rs.getInt("quantity"),
                        new Money(rs.getBigDecimal("unit_price"), currency)))
                .list();
    }

    private List<StepRecord> steps(UUID orderId) {
        return jdbc.sql("select step, at from saga_step where order_id = ? order by seq")
                .param(orderId)
                .query((rs, row) -> new StepRecord(SagaStep.valueOf(rs.getString("step")), instant(rs, "at")))
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
