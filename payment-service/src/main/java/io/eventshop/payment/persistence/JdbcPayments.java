package io.eventshop.payment.persistence;

import io.eventshop.payment.domain.Money;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentId;
import io.eventshop.payment.domain.PaymentStatus;
import io.eventshop.payment.domain.Payments;
import io.eventshop.payment.domain.Refund;
import io.eventshop.payment.domain.RefundId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments in table {@code payment}, each with its refund in table {@code refund}. */
@Repository
class JdbcPayments implements Payments {

    private static final String SELECT = """
            select p.*, r.id as refund_id, r.reason, r.status as refund_status, r.failed_attempts,
                   r.next_attempt_at, r.last_failure, r.attention_raised, r.correlation_id, r.causation_id,
                   r.requested_at, r.refunded_at
              from payment p left join refund r on r.payment_id = p.id
            """;

    private final JdbcClient jdbc;

    JdbcPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        return jdbc.sql(SELECT + " where p.id = ?")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Payment> findByOrderId(OrderId orderId) {
        return jdbc.sql(SELECT + " where p.order_id = ?")
                .param(orderId.value())
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Payment> lockByOrderId(OrderId orderId) {
        return jdbc.sql(SELECT + " where p.order_id = ? for update of p")
                .param(orderId.value())
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Payment> lockNextRefundDue(Instant now) {
        return jdbc.sql(SELECT + """
                         where r.status = 'PENDING' and r.next_attempt_at <= ?
                         order by r.next_attempt_at
                         limit 1
                         for update of p, r skip locked""")
                .param(Timestamp.from(now))
                .query(this::map)
                .optional();
    }

    @Override
    public void save(Payment payment) {
        jdbc.sql("""
                        insert into payment (id, order_id, customer_id, amount, currency, status, provider_reference,
                                             decline_reason, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set status = excluded.status""")
                .params(
                        payment.id().value(),
                        payment.orderId().value(),
                        payment.customerId(),
                        payment.amount().amount(),
                        payment.amount().currency(),
                        payment.status().name(),
                        payment.providerReference().orElse(null),
                        payment.declineReason().orElse(null),
                        Timestamp.from(payment.createdAt()))
                .update();
        payment.refund().ifPresent(refund -> save(payment.id(), refund));
    }

    private void save(PaymentId paymentId, Refund refund) {
        jdbc.sql("""
                        insert into refund (id, payment_id, reason, status, failed_attempts, next_attempt_at,
                                            last_failure, attention_raised, correlation_id, causation_id,
                                            requested_at, refunded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set status = excluded.status,
                            failed_attempts = excluded.failed_attempts, next_attempt_at = excluded.next_attempt_at,
                            last_failure = excluded.last_failure, attention_raised = excluded.attention_raised,
                            refunded_at = excluded.refunded_at""")
                .params(
                        refund.id().value(),
                        paymentId.value(),
                        refund.reason(),
                        refund.status().name(),
                        refund.failedAttempts(),
                        timestamp(refund.nextAttemptAt()),
                        refund.lastFailure(),
                        refund.attentionRaised(),
                        refund.correlationId(),
                        refund.causationId(),
                        Timestamp.from(refund.requestedAt()),
                        timestamp(refund.refundedAt()))
                .update();
    }

    private Payment map(ResultSet row, int rowNum) throws SQLException {
        return new Payment(
                new PaymentId(row.getObject("id", UUID.class)),
                new OrderId(row.getObject("order_id", UUID.class)),
                row.getString("customer_id"),
                new Money(row.getBigDecimal("amount"), row.getString("currency")),
                PaymentStatus.valueOf(row.getString("status")),
                row.getString("provider_reference"),
                row.getString("decline_reason"),
                instant(row, "created_at"),
                refund(row));
    }

    private static @Nullable Refund refund(ResultSet row) throws SQLException {
        UUID id = row.getObject("refund_id", UUID.class);
        if (id == null) {
            return null;
        }
        return new Refund(
                new RefundId(id),
                row.getString("reason"),
                row.getObject("correlation_id", UUID.class),
                row.getObject("causation_id", UUID.class),
                instant(row, "requested_at"),
                Refund.Status.valueOf(row.getString("refund_status")),
                row.getInt("failed_attempts"),
                instantOrNull(row, "next_attempt_at"),
                row.getString("last_failure"),
                row.getBoolean("attention_raised"),
                instantOrNull(row, "refunded_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
