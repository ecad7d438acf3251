package io.eventshop.order.domain;

import static io.eventshop.order.domain.Orders.PLACED_AT;
import static io.eventshop.order.domain.Orders.anOrder;
import static io.eventshop.order.domain.Orders.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The saga's deadline, {@link Order#isOverdue}: the one place of the rule. An order is overdue once it is still
 * PENDING after the deadline, with no cancellation under way and no shipment scheduled.
 */
class OrderDeadlineTests {

    static final Duration DEADLINE = Duration.ofMinutes(5);
    static final Instant AFTER_THE_DEADLINE = PLACED_AT.plus(DEADLINE).plusMillis(1);

    @Test
    void aPendingOrderIsOverdueOnlyOnceTheDeadlineHasPassed() {
        Order order = anOrder().placed();
        order.paymentAuthorized(at(1));

        assertThat(order.isOverdue(PLACED_AT.plus(DEADLINE).minusSeconds(1), DEADLINE))
                .isFalse();
        assertThat(order.isOverdue(PLACED_AT.plus(DEADLINE), DEADLINE))
                .as("at the deadline itself")
                .isFalse();
        assertThat(order.isOverdue(AFTER_THE_DEADLINE, DEADLINE)).isTrue();
        assertThat(order.isOverdue(AFTER_THE_DEADLINE, DEADLINE.plusMinutes(1)))
                .as("with a longer deadline")
                .isFalse();
    }

    @Test
    void anOrderWhoseCancellationIsUnderWayIsNotOverdue() {
        Order order = anOrder().placed();
        order.requestCancellation("changed my mind", at(1));

        assertThat(order.isOverdue(AFTER_THE_DEADLINE, DEADLINE)).isFalse();
    }

    @Test
    void anOrderWhoseShipmentIsScheduledIsNotOverdueEvenWhileStillPending() {
        Order order = anOrder().reserved();
        order.shipmentFailed("cannot deliver", at(3));
        order.shipmentScheduled(at(4));

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.isOverdue(AFTER_THE_DEADLINE, DEADLINE)).isFalse();
    }

    @Test
    void anOrderThatIsCompensatingIsOverdueAsItIsStillPending() {
        Order order = anOrder().placed();
        order.paymentAuthorized(at(1));
        order.stockReservationFailed("out of stock", at(2));

        assertThat(order.isOverdue(AFTER_THE_DEADLINE, DEADLINE)).isTrue();
    }

    @Test
    void anOrderThatEndedOrNeedsAttentionIsNeverOverdue() {
        Order confirmed = anOrder().reserved();
        confirmed.shipmentScheduled(at(3));
        Order cancelled = anOrder().placed();
        cancelled.paymentDeclined("declined", at(1));
        Order attention = anOrder().reserved();
        attention.shipmentFailed("cannot deliver", at(3));
        attention.paymentRefundFailed("provider unavailable", at(4));

        assertThat(confirmed.isOverdue(AFTER_THE_DEADLINE, DEADLINE)).isFalse();
        assertThat(cancelled.isOverdue(AFTER_THE_DEADLINE, DEADLINE)).isFalse();
        assertThat(attention.isOverdue(AFTER_THE_DEADLINE, DEADLINE)).isFalse();
    }
}
