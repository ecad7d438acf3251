package io.eventshop.order.domain;

import static io.eventshop.order.domain.Orders.anOrder;
import static io.eventshop.order.domain.Orders.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cancellation by the customer or the deadline: allowed while PENDING and before the shipment is scheduled. */
class OrderCancellationTests {

    @Test
    void aPendingOrderCanBeCancelledAndRecordsOrderCancellationRequested() {
        Order order = anOrder().placed();
        order.paymentAuthorized(at(1));

        assertThat(order.requestCancellation("changed my mind", at(2))).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.isCancelling()).isTrue();
        assertThat(order.saga().step()).isEqualTo(SagaStep.CANCELLATION_REQUESTED);
        assertThat(order.cancellationReason()).isEqualTo("changed my mind");
        assertThat(order.releaseEvents())
                .containsExactly(new OrderCancellationRequested(order.id(), "c-42", "changed my mind"));
    }

    @Test
    void askingAgainWhileTheCancellationIsUnderWayChangesNothing() {
        Order order = anOrder().placed();
        order.requestCancellation("changed my mind", at(1));
        order.releaseEvents();

        assertThat(order.requestCancellation("really", at(2))).isFalse();

        assertThat(order.cancellationReason()).isEqualTo("changed my mind");
        assertThat(order.releaseEvents()).isEmpty();
    }

    @Test
    void aConfirmedOrderCannotBeCancelled() {
        Order order = anOrder().reserved();
        order.shipmentScheduled(at(3));

        assertThatThrownBy(() -> order.requestCancellation("too late", at(4)))
                .isInstanceOf(OrderCannotBeCancelledException.class)
                .hasMessageContaining("CONFIRMED");
    }

    @Test
    void aCancelledOrderCannotBeCancelledAgain() {
        Order order = anOrder().placed();
        order.paymentDeclined("declined", at(1));

        assertThatThrownBy(() -> order.requestCancellation("again", at(2)))
                .isInstanceOf(OrderCannotBeCancelledException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void anOrderWhoseShipmentIsScheduledCannotBeCancelledEvenWhileStillPending() {
        Order order = anOrder().reserved();
        order.requestCancellation("changed my mind", at(3));
        order.shipmentScheduled(at(4));
        Order other = anOrder().reserved();
        other.shipmentFailed("cannot deliver", at(3));
        other.shipmentScheduled(at(4));

        assertThat(other.status()).isEqualTo(OrderStatus.PENDING);
        assertThatThrownBy(() -> other.requestCancellation("now", at(5)))
                .isInstanceOf(OrderCannotBeCancelledException.class)
                .hasMessageContaining("shipment is scheduled");
    }

    @Test
    void shipmentScheduledWhileCancellingIsNotedAndConfirmsNothing() {
        Order order = anOrder().reserved();
        order.requestCancellation("changed my mind", at(3));
        order.releaseEvents();

        assertThat(order.shipmentScheduled(at(4))).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.saga().step()).isEqualTo(SagaStep.CANCELLATION_REQUESTED);
        assertThat(order.isShipmentScheduled()).isTrue();
        assertThat(order.releaseEvents())
                .as("shipping cancels the shipment itself")
                .isEmpty();
    }

    @Test
    void aCancellingOrderEndsCancelledOnPaymentRefundedWithTheRequestsReason() {
        Order order = anOrder().reserved();
        order.requestCancellation("changed my mind", at(3));
        order.releaseEvents();
        order.shipmentScheduled(at(4));
        order.shipmentFailed("order cancelled", at(5));
        order.stockReleased(at(6));

        assertThat(order.paymentRefunded(at(7))).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).isEqualTo("changed my mind");
        assertThat(order.releaseEvents()).containsExactly(new OrderCancelled(order.id(), "c-42", "changed my mind"));
    }

    @Test
    void aCancellingOrderEndsCancelledOnPaymentDeclined() {
        Order order = anOrder().placed();
        order.requestCancellation("deadline exceeded", at(1));
        order.releaseEvents();

        assertThat(order.paymentDeclined("order cancelled", at(2))).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).isEqualTo("deadline exceeded");
        assertThat(order.releaseEvents()).hasExactlyElementsOfTypes(OrderCancelled.class);
    }
}
