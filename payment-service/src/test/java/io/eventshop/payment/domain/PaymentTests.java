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
    void aNewPaymentRegistersItsOutcomeOnce() {
        Payment authorized = anAuthorizedPayment();
        Payment declined = aDeclinedPayment();

        assertThat(authorized.releaseEvents())
                .singleElement()
                .isEqualTo(new PaymentAuthorized(authorized.id(), authorized.orderId(), "c-42", authorized.amount()));
        assertThat(authorized.releaseEvents()).isEmpty();
        assertThat(declined.releaseEvents())
                .singleElement()
                .isEqualTo(new PaymentDeclined(
                        declined.id(), declined.orderId(), "c-42", declined.amount(), "card declined"));
    }

    @Test
    void aRefundRegistersItsRequestThenItsOutcomeCarryingTheIdsOfTheEventThatAskedForIt() {
        UUID correlationId = UUID.randomUUID();
        UUID causationId = UUID.randomUUID();
        Payment payment = anAuthorizedPayment();
        payment.releaseEvents();

        Refund refund = payment.requestRefund("stock released", correlationId, causationId, NOW);
        assertThat(payment.releaseEvents())
                .containsExactly(new RefundRequested(payment.id(), payment.orderId(), refund.id()));
        payment.refundAccepted(NOW.plusSeconds(1));

        assertThat(payment.releaseEvents())
                .containsExactly(new PaymentRefunded(
                        payment.id(),
                        payment.orderId(),
                        refund.id(),
                        payment.amount(),
                        "stock released",
                        correlationId,
                        causationId));
    }

    @Test
    void onlyTheRefusalThatNeedsAttentionRegistersPaymentRefundFailed() {
        Payment payment = aPaymentWithARefundPending();
        payment.releaseEvents();

        payment.refundRefused("refused", NOW, SCHEDULE);
        payment.refundRefused("refused", NOW, SCHEDULE);
        assertThat(payment.releaseEvents()).isEmpty();
        payment.refundRefused("refused", NOW, SCHEDULE);
        payment.refundRefused("refused", NOW, SCHEDULE);

        assertThat(payment.releaseEvents())
                .singleElement()
                .isInstanceOfSatisfying(PaymentRefundFailed.class, failed -> {
                    assertThat(failed.attempts()).isEqualTo(3);
                    assertThat(failed.reason()).isEqualTo("refused");
                });
    }

    @Test
    void anAttemptUnderWayKeepsTheRefundFromBeingDueUntilItsLeaseEnds() {
        Payment payment = aPaymentWithARefundPending();

        payment.startRefundAttempt(NOW, Duration.ofSeconds(30));

        assertThat(payment.refund().orElseThrow().nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThatIllegalStateException()
                .isThrownBy(() -> anAuthorizedPayment().startRefundAttempt(NOW, Duration.ofSeconds(30)));
    }

    @Test
    void aScheduleNeedsAPositiveInitialDelayNoLongerThanTheMaximum() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RefundSchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
    }
}
