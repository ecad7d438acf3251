package io.eventshop.order.domain;

import static io.eventshop.order.domain.Orders.anOrder;
import static io.eventshop.order.domain.Orders.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An outcome that arrives twice, or after the order moved past it, changes nothing and records nothing: the reaction
 * returns false, and the service that published it compensates on its own (docs/saga.md).
 */
class StaleAndDuplicateEventsTests {

    @Test
    void aRepeatedOutcomeIsANoOp() {
        Order order = anOrder().reserved();
        order.shipmentScheduled(at(3));
        order.releaseEvents();
        List<StepRecord> before = order.saga().steps();

        assertThat(order.paymentAuthorized(at(4))).isFalse();
        assertThat(order.stockReserved(at(4))).isFalse();
        assertThat(order.shipmentScheduled(at(4))).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.saga().steps()).isEqualTo(before);
        assertThat(order.releaseEvents()).isEmpty();
    }

    @Test
    void aSecondRefundOfACancelledOrderIsANoOp() {
        Order order = anOrder().reserved();
        order.shipmentFailed("cannot deliver", at(3));
        order.paymentRefunded(at(4));
        order.releaseEvents();

        assertThat(order.paymentRefunded(at(5))).isFalse();
        assertThat(order.paymentRefundFailed("late", at(5))).isFalse();
        assertThat(order.stockReleased(at(5))).isTrue();
        assertThat(order.stockReleased(at(6))).as("a second release").isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.releaseEvents()).isEmpty();
    }

    @Test
    void lateOutcomesForACancelledOrderChangeNothing() {
        Order order = anOrder().placed();
        order.paymentDeclined("declined", at(1));
        order.releaseEvents();

        assertThat(order.paymentAuthorized(at(2))).isFalse();
        assertThat(order.stockReserved(at(2))).isFalse();
        assertThat(order.stockReservationFailed("order cancelled", at(2))).isFalse();
        assertThat(order.shipmentScheduled(at(2))).isFalse();
        assertThat(order.shipmentFailed("order cancelled", at(2))).isFalse();
        assertThat(order.paymentDeclined("again", at(2))).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.releaseEvents()).isEmpty();
    }

    @Test
    void aShipmentScheduledWhileCompensatingDoesNotConfirmTheOrder() {
        Order order = anOrder().placed();
        order.paymentAuthorized(at(1));
        order.stockReservationFailed("out of stock", at(2));

        order.shipmentScheduled(at(3));

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.saga().step()).isEqualTo(SagaStep.COMPENSATING);
        assertThat(order.releaseEvents()).isEmpty();
    }

    @Test
    void outcomesForAConfirmedOrderThatWouldUndoItChangeNothing() {
        Order order = anOrder().reserved();
        order.shipmentScheduled(at(3));
        order.releaseEvents();

        assertThat(order.paymentDeclined("late", at(4))).isFalse();
        assertThat(order.shipmentFailed("late", at(4))).isFalse();
        assertThat(order.paymentRefunded(at(4))).isFalse();
        assertThat(order.paymentRefundFailed("late", at(4))).isFalse();

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.releaseEvents()).isEmpty();
    }
}
