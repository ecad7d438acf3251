package io.eventshop.payment.web;

import io.eventshop.payment.domain.Payment;
import io.eventshop.payment.domain.PaymentStatus;
import io.eventshop.payment.domain.Refund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payment as the API shows it. */
record PaymentResponse(
        UUID id,
        UUID orderId,
        String customerId,
        BigDecimal amount,
        String currency,
        PaymentStatus status,
        @Nullable String declineReason,
        List<RefundResponse> refunds,
        Instant createdAt) {

    /** A refund: PENDING while the provider refuses it (with the attempts so far), then COMPLETED. */
    record RefundResponse(
            UUID id,
            String reason,
            Refund.Status status,
            int failedAttempts,
            @Nullable String lastFailure,
            @Nullable Instant nextAttemptAt,
            Instant requestedAt,
            @Nullable Instant refundedAt) {

        static RefundResponse of(Refund refund) {
            return new RefundResponse(
                    refund.id().value(),
                    refund.reason(),
                    refund.status(),
                    refund.failedAttempts(),
                    refund.lastFailure(),
                    refund.nextAttemptAt(),
                    refund.requestedAt(),
                    refund.refundedAt());
        }
    }

    static PaymentResponse of(Payment payment) {
        return new PaymentResponse(
                payment.id().value(),
                payment.orderId().value(),
                payment.customerId(),
                payment.amount().amount(),
                payment.amount().currency(),
                payment.status(),
                payment.declineReason().orElse(null),
                payment.refund().map(RefundResponse::of).stream().toList(),
                payment.createdAt());
    }
}
