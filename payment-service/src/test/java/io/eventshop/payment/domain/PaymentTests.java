package io.eventshop.payment.domain;

import static io.eventshop.payment.domain.PaymentFixtures.NOW;
import static io.eventshop.payment.domain.PaymentFixtures.SCHEDULE;
import static io.eventshop.payment.domain.PaymentFixtures.aDeclinedPayment;
import static io.eventshop.payment.domain.PaymentFixtures.aPaymentWithARefundPending;
import static io.eventshop.payment.domain.PaymentFixtures.anAuthorizedPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTests {

    @Test
    void anAuthorizedPaymentIsRefundable() {
        assertThat(anAuthorizedPayment().isRefundable()).isTrue();
    }

    @Test
    void aDeclinedPaymentHasNothingToRefund() {
        Payment payment = aDeclinedPayment();

        assertThat(payment.isRefundable()).isFalse();
        assertThatIllegalStateException()
                .isThrownBy(() -> payment.requestRefund("order cancelled", UUID.randomUUID(), UUID.randomUUID(), NOW))
                .withMessageContaining("DECLINED");
    }

    @Test
    void requestingARefundLeavesItPendingAndDueAtOnce() {
        UUID causationId = UUID.randomUUID();
        Payment payment = anAuthorizedPayment();

        Refund refund = payment.requestRefund("stock reservation failed", UUID.randomUUID(), causationId, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(payment.isRefundable()).isFalse();
        assertThat(refund.status()).isEqualTo(Refund.Status.PENDING);
        assertThat(refund.causationId()).isEqualTo(causationId);
        assertThat(refund.nextAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void anAcceptedRefundCompletesThePayment() {
        Payment payment = aPaymentWithARefundPending();

        payment.refundAccepted(NOW.plusSeconds(1));

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refund().orElseThrow().refundedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(payment.refund().orElseThrow().nextAttemptAt()).isNull();
    }

    @Test
    void aRefundCannotBeRequestedTwice() {
        Payment payment = aPaymentWithARefundPending();

        assertThatIllegalStateException()
                .isThrownBy(() -> payment.requestRefund("again", UUID.randomUUID(), UUID.randomUUID(), NOW));
    }

    @Test
    void aRefusedRefundIsRetriedWithADelayThatDoublesUpToTheMaximum() {
        Payment payment = aPaymentWithARefundPending();

        payment.refundRefused("refused", NOW, SCHEDULE);
        assertThat(payment.refund().orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        payment.refundRefused("refused", NOW, SCHEDULE);
        assertThat(payment.refund().orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
        payment.refundRefused("refused", NOW, SCHEDULE);
        payment.refundRefused("refused", NOW, SCHEDULE);
        assertThat(payment.refund().orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(payment.refund().orElseThrow().failedAttempts()).isEqualTo(4);
    }

    @Test
    void theRefusalThatReachesTheThresholdAsksForAttentionOnlyOnce() {
        Payment payment = aPaymentWithARefundPending();

        assertThat(payment.refundRefused("refused", NOW, SCHEDULE)).isFalse();
        assertThat(payment.refundRefused("refused", NOW, SCHEDULE)).isFalse();
        assertThat(payment.refundRefused("refused", NOW, SCHEDULE)).isTrue();
        assertThat(payment.refundRefused("refused", NOW, SCHEDULE)).isFalse();
    }

    @Test
    void aRefundIsNeitherAcceptedNorRefusedBeforeItIsRequested() {
        Payment payment = anAuthorizedPayment();

        assertThatIllegalStateException().isThrownBy(() -> payment.refundAccepted(NOW));
        assertThatIllegalStateException().isThrownBy(() -> payment.refundRefused("refused", NOW, SCHEDULE));
    }

    @Test
    void aScheduleNeedsAPositiveInitialDelayNoLongerThanTheMaximum() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RefundSchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
    }
}
