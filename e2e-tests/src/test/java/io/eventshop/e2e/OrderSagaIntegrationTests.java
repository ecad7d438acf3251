package io.eventshop.e2e;

import static io.eventshop.e2e.OrderRequest.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Every path of the order saga, through the REST API of the five running services. Each test ends when the saga has
 * settled, and checks the order, the payments, the shipments, the notifications and the stock.
 */
@ExtendWith(EventshopExtension.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
class OrderSagaIntegrationTests {

    @Test
    void happyPathConfirmsChargesShipsNotifiesAndTakesTheStock(Eventshop shop) {
        String sku = "SKU-1001";
        Stock before = Stock.of(shop, sku);
        OrderRequest request = anOrder().withItem(sku, 2);

        Eventshop.Response placed = shop.placeOrder(request);

        assertThat(placed.status()).isEqualTo(202);
        String id = placed.body().get("id").asString();
        JsonNode order = shop.awaitOrder(id, "CONFIRMED");
        assertThat(order.get("saga").get("steps").findValuesAsString("name"))
                .contains("PAYMENT_AUTHORIZED", "STOCK_RESERVED");
        assertThat(shop.payments(id)).singleElement().satisfies(payment -> {
            assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
            assertThat(payment.get("amount").decimalValue())
                    .isEqualByComparingTo(order.get("totalAmount").decimalValue());
        });
        assertThat(shop.shipments(id)).singleElement().satisfies(shipment -> assertThat(
                        shipment.get("status").asString())
                .isEqualTo("SCHEDULED"));
        awaitNotifications(shop, request.customerId(), "OrderConfirmed");
        await().atMost(Eventshop.SETTLE)
                .untilAsserted(() -> assertThat(Stock.of(shop, sku)).isEqualTo(before.shipped(2)));
    }

    @Test
    void aDeclinedCardCancelsTheOrderAndTouchesNothingElse(Eventshop shop) {
        assertCancelledAtPayment(shop, "tok_declined", "SKU-1003");
    }

    @Test
    void insufficientFundsCancelTheOrderAndTouchNothingElse(Eventshop shop) {
        assertCancelledAtPayment(shop, "tok_insufficient_funds", "SKU-1004");
    }

    private void assertCancelledAtPayment(Eventshop shop, String token, String sku) {
        Stock before = Stock.of(shop, sku);
        OrderRequest request = anOrder().paidWith(token).withItem(sku, 1);

        String id = shop.placeOrder(request).body().get("id").asString();

        JsonNode order = shop.awaitOrder(id, "CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isNotBlank();
        assertThat(shop.payments(id)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("DECLINED"));
        assertThat(shop.shipments(id)).isEmpty();
        awaitNotifications(shop, request.customerId(), "PaymentDeclined");
        assertThat(Stock.of(shop, sku)).isEqualTo(before);
    }

    @Test
    void outOfStockRefundsThePaymentAndCancels(Eventshop shop) {
        String sku = "SKU-1002";
        Stock before = Stock.of(shop, sku);

        OrderRequest request = anOrder().withItem(sku, before.available() + 1);
        String id = shop.placeOrder(request).body().get("id").asString();

        shop.awaitOrder(id, "CANCELLED");
        awaitNotifications(shop, request.customerId(), "OrderCancelled");
        assertThat(shop.payments(id)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("REFUNDED"));
        assertThat(shop.shipments(id)).isEmpty();
        assertThat(Stock.of(shop, sku)).isEqualTo(before);
    }

    @Test
    void anUndeliverableAddressReleasesTheStockRefundsAndCancels(Eventshop shop) {
        String sku = "SKU-1005";
        Stock before = Stock.of(shop, sku);

        OrderRequest request = anOrder().shippedTo("AQ").withItem(sku, 1);
        String id = shop.placeOrder(request).body().get("id").asString();

        shop.awaitOrder(id, "CANCELLED");
        awaitNotifications(shop, request.customerId(), "OrderCancelled");
        assertThat(shop.shipments(id)).singleElement().satisfies(shipment -> assertThat(
                        shipment.get("status").asString())
                .isEqualTo("FAILED"));
        assertThat(shop.payments(id)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("REFUNDED"));
        awaitNotifications(shop, request.customerId(), "OrderCancelled");
        await().atMost(Eventshop.SETTLE)
                .untilAsserted(() -> assertThat(Stock.of(shop, sku)).isEqualTo(before));
    }

    @Test
    void aConfirmedOrderCannotBeCancelled(Eventshop shop) {
        String sku = "SKU-1006";
        OrderRequest request = anOrder().withItem(sku, 1);
        String id = shop.placeOrder(request).body().get("id").asString();
        shop.awaitOrder(id, "CONFIRMED");
        awaitNotifications(shop, request.customerId(), "OrderConfirmed", "ShipmentScheduled");

        Eventshop.Response cancel = shop.cancel(id);

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.contentType()).startsWith("application/problem+json");
        assertThat(shop.order(id).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellingBeforeShipmentUndoesPaymentAndStock(Eventshop shop, RunningSystem system) {
        String sku = "SKU-1007";
        Stock before = Stock.of(shop, sku);
        OrderRequest request = anOrder().withItem(sku, 1);
        String id = system.withStopped("shipping-service", () -> {
            String placed = shop.placeOrder(request).body().get("id").asString();
            await().atMost(Eventshop.SETTLE)
                    .until(
                            () -> shop.order(placed).get("saga").get("steps").findValuesAsString("name"),
                            steps -> steps.contains("STOCK_RESERVED"));

            assertThat(shop.cancel(placed).status()).isEqualTo(202);
            shop.awaitOrder(placed, "CANCELLED");
            return placed;
        });
        assertThat(shop.payments(id)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("REFUNDED"));
        awaitNotifications(shop, request.customerId(), "OrderCancelled");
        await().atMost(Eventshop.SETTLE).untilAsserted(() -> {
            assertThat(Stock.of(shop, sku)).isEqualTo(before);
            assertThat(shop.shipments(id))
                    .allSatisfy(shipment ->
                            assertThat(shipment.get("status").asString()).isIn("CANCELLED", "FAILED"));
        });
    }

    @Test
    void anOrderStuckPastItsDeadlineIsCancelledAndUndone(Eventshop shop, RunningSystem system) {
        String sku = "SKU-1008";
        Stock before = Stock.of(shop, sku);
        OrderRequest request = anOrder().withItem(sku, 1);
        String id = system.withStopped("shipping-service", () -> {
            String placed = shop.placeOrder(request).body().get("id").asString();

            JsonNode order = shop.awaitOrder(placed, Eventshop.SETTLE.plus(RunningSystem.SAGA_DEADLINE), "CANCELLED");
            assertThat(order.get("cancellationReason").asString()).containsIgnoringCase("deadline");
            return placed;
        });
        assertThat(shop.payments(id)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("REFUNDED"));
        awaitNotifications(shop, request.customerId(), "OrderCancelled");
        await().atMost(Eventshop.SETTLE)
                .untilAsserted(() -> assertThat(Stock.of(shop, sku)).isEqualTo(before));
    }

    private static void awaitNotifications(Eventshop shop, String customerId, String... types) {
        await().atMost(Eventshop.SETTLE).untilAsserted(() -> assertThat(shop.notifications(customerId))
                .extracting(n -> n.get("type").asString())
                .contains(types));
    }

    /** A product's stock: what can be sold, and what is held for orders in flight. */
    record Stock(int available, int reserved) {

        static Stock of(Eventshop shop, String sku) {
            JsonNode product = shop.product(sku);
            return new Stock(
                    product.get("available").asInt(), product.get("reserved").asInt());
        }

        Stock shipped(int quantity) {
            return new Stock(available - quantity, reserved);
        }
    }
}
