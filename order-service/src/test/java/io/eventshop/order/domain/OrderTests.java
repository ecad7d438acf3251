package io.eventshop.order.domain;

import static io.eventshop.order.domain.Orders.anOrder;
import static io.eventshop.order.domain.Orders.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The order aggregate: placing, and each row of order-service's table in docs/saga.md. */
class OrderTests {

    @Nested
    class Placing {

        @Test
        void aPlacedOrderIsPendingTotalsItsLinesAndRecordsOrderPlacedWithEverythingTheSagaNeeds() {
            Order order = anOrder()
                    .withItem("SKU-1", 2, "19.99")
                    .withItem("SKU-2", 1, "5.00")
                    .build();

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.saga().step()).isEqualTo(SagaStep.ORDER_PLACED);
            assertThat(order.total()).isEqualTo(Money.of("44.98", "EUR"));
            OrderPlaced placed = (OrderPlaced) order.releaseEvents().getFirst();
            assertThat(placed.orderId()).isEqualTo(order.id());
            assertThat(placed.total()).isEqualTo(Money.of("44.98", "EUR"));
            assertThat(placed.paymentToken()).isEqualTo("tok_visa");
            assertThat(placed.lines())
                    .containsExactly(
                            new OrderLine(new Sku("SKU-1"), 2, Money.of("19.99", "EUR")),
                            new OrderLine(new Sku("SKU-2"), 1, Money.of("5.00", "EUR")));
            assertThat(placed.shippingAddress().country()).isEqualTo("DE");
            assertThat(order.releaseEvents()).isEmpty();
        }

        @Test
        void linesInTwoCurrenciesAreRejected() {
            var euro = new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR"));
            var dollar = new OrderLine(new Sku("SKU-2"), 1, Money.of("1.00", "USD"));
            var address = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

            assertThatThrownBy(() -> Order.place(
                            OrderId.newId(), "c-42", java.util.List.of(euro, dollar), "tok", address, at(0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class HappyPath {

        @Test
        void paymentAuthorizedOnAPendingOrderIsTheStepPaymentAuthorized() {
            Order order = anOrder().placed();

            assertThat(order.paymentAuthorized(at(1))).isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.saga().step()).isEqualTo(SagaStep.PAYMENT_AUTHORIZED);
            assertThat(order.saga().steps()).last().isEqualTo(new StepRecord(SagaStep.PAYMENT_AUTHORIZED, at(1)));
            assertThat(order.releaseEvents()).isEmpty();
        }

        @Test
        void stockReservedOnAPendingOrderIsTheStepStockReserved() {
            Order order = anOrder().placed();
            order.paymentAuthorized(at(1));

            assertThat(order.stockReserved(at(2))).isTrue();

            assertThat(order.saga().step()).isEqualTo(SagaStep.STOCK_RESERVED);
            assertThat(order.releaseEvents()).isEmpty();
        }

        @Test
        void shipmentScheduledOnAPendingOrderConfirmsItAndRecordsOrderConfirmed() {
            Order order = anOrder().withItem("SKU-1", 2, "19.99").reserved();

            assertThat(order.shipmentScheduled(at(3))).isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order.saga().step()).isEqualTo(SagaStep.CONFIRMED);
            assertThat(order.saga().steps())
                    .extracting(StepRecord::step)
                    .containsExactly(
                            SagaStep.ORDER_PLACED,
                            SagaStep.PAYMENT_AUTHORIZED,
                            SagaStep.STOCK_RESERVED,
                            SagaStep.SHIPMENT_SCHEDULED,
                            SagaStep.CONFIRMED);
            assertThat(order.releaseEvents())
                    .containsExactly(new OrderConfirmed(order.id(), "c-42", Money.of("39.98", "EUR")));
        }
    }

    @Nested
    class Failures {

        @Test
        void paymentDeclinedCancelsAPendingOrderWithTheReasonAndRecordsOrderCancelled() {
            Order order = anOrder().placed();

            assertThat(order.paymentDeclined("insufficient funds", at(1))).isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.saga().step()).isEqualTo(SagaStep.CANCELLED);
            assertThat(order.cancellationReason()).isEqualTo("payment declined: insufficient funds");
            assertThat(order.releaseEvents())
                    .containsExactly(new OrderCancelled(order.id(), "c-42", "payment declined: insufficient funds"));
        }

        @Test
        void stockReservationFailedStartsCompensatingAndKeepsTheReasonWithoutCancellingYet() {
            Order order = anOrder().placed();
            order.paymentAuthorized(at(1));

            assertThat(order.stockReservationFailed("out of stock: SKU-1", at(2)))
                    .isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.saga().step()).isEqualTo(SagaStep.COMPENSATING);
            assertThat(order.saga().failureReason()).isEqualTo("stock reservation failed: out of stock: SKU-1");
            assertThat(order.releaseEvents()).isEmpty();
        }

        @Test
        void shipmentFailedStartsCompensatingAndWaitsForTheRefund() {
            Order order = anOrder().reserved();

            assertThat(order.shipmentFailed("cannot deliver to AQ", at(3))).isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.saga().step()).isEqualTo(SagaStep.COMPENSATING);
            assertThat(order.saga().failureReason()).isEqualTo("shipment failed: cannot deliver to AQ");
            assertThat(order.releaseEvents()).isEmpty();
        }

        @Test
        void paymentRefundedAfterAFailureCancelsTheOrderWithTheFailureAsReason() {
            Order order = anOrder().placed();
            order.paymentAuthorized(at(1));
            order.stockReservationFailed("out of stock: SKU-1", at(2));

            assertThat(order.paymentRefunded(at(3))).isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancellationReason()).isEqualTo("stock reservation failed: out of stock: SKU-1");
            assertThat(order.releaseEvents())
                    .containsExactly(
                            new OrderCancelled(order.id(), "c-42", "stock reservation failed: out of stock: SKU-1"));
        }

        @Test
        void stockReleasedIsAnInformationalStepInAnyState() {
            Order compensating = anOrder().reserved();
            compensating.shipmentFailed("cannot deliver to AQ", at(3));
            Order cancelled = anOrder().placed();
            cancelled.paymentDeclined("declined", at(1));
            cancelled.releaseEvents();

            assertThat(compensating.stockReleased(at(4))).isTrue();
            assertThat(cancelled.stockReleased(at(4))).isTrue();

            assertThat(compensating.saga().step()).isEqualTo(SagaStep.STOCK_RELEASED);
            assertThat(compensating.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(cancelled.saga().step())
                    .as("an ended order keeps its step")
                    .isEqualTo(SagaStep.CANCELLED);
            assertThat(cancelled.saga().steps()).last().isEqualTo(new StepRecord(SagaStep.STOCK_RELEASED, at(4)));
            assertThat(compensating.releaseEvents()).isEmpty();
            assertThat(cancelled.releaseEvents()).isEmpty();
        }
    }

    @Nested
    class NeedsAttention {

        @Test
        void paymentRefundFailedPutsAPendingOrderInNeedOfAttentionWithTheReason() {
            Order order = anOrder().reserved();
            order.shipmentFailed("cannot deliver to AQ", at(3));

            assertThat(order.paymentRefundFailed("provider unavailable", at(4))).isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.NEEDS_ATTENTION);
            assertThat(order.saga().step()).isEqualTo(SagaStep.PAYMENT_REFUND_FAILED);
            assertThat(order.saga().failureReason()).isEqualTo("refund failed: provider unavailable");
            assertThat(order.releaseEvents()).isEmpty();
        }

        @Test
        void paymentRefundedEndsAnOrderThatNeedsAttentionCancelled() {
            Order order = anOrder().reserved();
            order.shipmentFailed("cannot deliver to AQ", at(3));
            order.paymentRefundFailed("provider unavailable", at(4));

            assertThat(order.paymentRefunded(at(5))).isTrue();

            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.releaseEvents()).hasExactlyElementsOfTypes(OrderCancelled.class);
        }

        @Test
        void anOrderThatNeedsAttentionCannotBeCancelled() {
            Order order = anOrder().reserved();
            order.shipmentFailed("cannot deliver to AQ", at(3));
            order.paymentRefundFailed("provider unavailable", at(4));

            assertThatThrownBy(() -> order.requestCancellation("changed my mind", at(5)))
                    .isInstanceOf(OrderCannotBeCancelledException.class)
                    .hasMessageContaining("NEEDS_ATTENTION");
        }
    }
}
