package io.eventshop.payment.persistence;

import io.eventshop.payment.domain.CancelledOrders;
import io.eventshop.payment.domain.OrderId;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tombstones, in table {@code cancelled_order}. */
@Repository
class JdbcCancelledOrders implements CancelledOrders {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcCancelledOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(OrderId orderId, String reason) {
        jdbc.sql("""
                        insert into cancelled_order (order_id, reason, recorded_at) values (?, ?, ?)
                        on conflict (order_id) do nothing""")
                .params(orderId.value(), reason, Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public boolean contains(OrderId orderId) {
        return jdbc.sql("select exists (select 1 from cancelled_order where order_id = ?)")
                .param(orderId.value())
                .query(Boolean.class)
                .single();
    }
}
