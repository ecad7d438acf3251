package io.eventshop.order.persistence;

import io.eventshop.order.application.IdempotencyKeys;
import io.eventshop.order.domain.OrderId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_key} table, on JdbcClient because the SQL is the lesson. Claiming inserts the key with
 * {@code on conflict do nothing}: PostgreSQL makes a concurrent insert of the same key wait for the first transaction,
 * so of two simultaneous retries one places the order and the other finds it, and neither fails (an insert that
 * failed on the key would abort the transaction that still has to read the earlier claim).
 */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Claim> claim(String key, String fingerprint, OrderId orderId) {
        int inserted = jdbc.sql("""
                        insert into idempotency_key (idempotency_key, request_hash, order_id) values (?, ?, ?)
                        on conflict do nothing
                        """).params(key, fingerprint, orderId.value()).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select request_hash, order_id from idempotency_key where idempotency_key = ?")
                .param(key)
                .query((rs, row) ->
                        new Claim(rs.getString("request_hash"), new OrderId(rs.getObject("order_id", UUID.class))))
                .single());
    }
}
