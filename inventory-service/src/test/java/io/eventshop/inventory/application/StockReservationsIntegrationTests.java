package io.eventshop.inventory.application;

import static io.eventshop.inventory.testing.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.inventory.ReservedLine;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.inventory.testing.InventoryIntegrationTest;
import io.eventshop.inventory.testing.ProductsApi;
import io.eventshop.inventory.testing.ProductsApi.ProductView;
import io.eventshop.messaging.testing.SagaTopic;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** inventory-service's reactions to the saga's events (docs/saga.md), driven through the real topic and queue. */
@InventoryIntegrationTest
class StockReservationsIntegrationTests {

    private static final String QUEUE = "inventory-service-events.fifo";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ProductsApi api;
    private SagaTopic topic;

    @BeforeEach
    void setUp() {
        api = new ProductsApi(port);
        topic = new SagaTopic().collecting("StockReserved", "StockReservationFailed", "StockReleased");
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void aPaidOrderIsReservedAndTheProductShowsTheReservedUnits() {
        OrderPlaced order =
                anOrder().withLine("SKU-1001", 2).withLine("SKU-1002", 1).placed();

        placeAndPay(order);

        StockReserved reserved = topic.awaitEvent(StockReserved.class, order.orderId());
        assertThat(reserved.lines()).containsExactly(new ReservedLine("SKU-1001", 2), new ReservedLine("SKU-1002", 1));
        assertThat(reserved.customerId()).isEqualTo(order.customerId());
        assertThat(reserved.shippingAddress()).isEqualTo(order.shippingAddress());
        assertThat(api.product("SKU-1001"))
                .extracting(ProductView::available, ProductView::reserved)
                .containsExactly(98, 2);
        assertThat(jdbc.sql("""
                        select l.sku, l.quantity from reservation_line l join reservation r on r.id = l.reservation_id
                        where r.order_id = ? and r.status = 'ACTIVE' order by l.sku
                        """)
                        .param(order.orderId())
                        .query((rs, row) -> new ReservedLine(rs.getString("sku"), rs.getInt("quantity")))
                        .list())
                .as("the lines the end-to-end invariants read")
                .containsExactly(new ReservedLine("SKU-1001", 2), new ReservedLine("SKU-1002", 1));
    }

    @Test
    void anOrderForMoreThanIsAvailableReservesNothingAndNamesTheSkus() {
        OrderPlaced order =
                anOrder().withLine("SKU-1003", 1).withLine("SKU-1011", 1000).placed();

        placeAndPay(order);

        StockReservationFailed failed = topic.awaitEvent(StockReservationFailed.class, order.orderId());
        assertThat(failed.unavailableSkus()).containsExactly("SKU-1011");
        assertThat(failed.reason()).isEqualTo("insufficient stock of SKU-1011");
        assertThat(api.product("SKU-1003"))
                .extracting(ProductView::available, ProductView::reserved)
                .containsExactly(100, 0);
    }

    @Test
    void aCancellationAfterTheReservationReleasesTheStock() {
        OrderPlaced order = anOrder().withLine("SKU-1004", 3).placed();
        placeAndPay(order);
        StockReserved reserved = topic.awaitEvent(StockReserved.class, order.orderId());

        topic.publish(new OrderCancellationRequested(order.orderId(), "c-42", "customer asked"), "order-service");

        StockReleased released = topic.awaitEvent(StockReleased.class, order.orderId());
        assertThat(released.reservationId()).isEqualTo(reserved.reservationId());
        assertThat(api.product("SKU-1004"))
                .extracting(ProductView::available, ProductView::reserved)
                .containsExactly(100, 0);
    }

    @Test
    void aFailedShipmentReleasesTheStock() {
        OrderPlaced order = anOrder().withLine("SKU-1009", 1).placed();
        placeAndPay(order);
        topic.awaitEvent(StockReserved.class, order.orderId());

        topic.publish(
                new ShipmentFailed(order.orderId(), UUID.randomUUID(), "c-42", "undeliverable"), "shipping-service");

        assertThat(topic.awaitEvent(StockReleased.class, order.orderId()).reason())
                .contains("shipment failed");
        assertThat(api.product("SKU-1009").available()).isEqualTo(100);
    }

    @Test
    void aConfirmedOrderCommitsItsReservation() {
        OrderPlaced order = anOrder().withLine("SKU-1005", 4).placed();
        placeAndPay(order);
        topic.awaitEvent(StockReserved.class, order.orderId());

        topic.publish(new OrderConfirmed(order.orderId(), "c-42", order.totalAmount(), "EUR"), "order-service");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.product("SKU-1005"))
                .extracting(ProductView::available, ProductView::reserved)
                .containsExactly(96, 0));
    }

    @Test
    void aCancellationBeforeThePaymentLeavesATombstoneSoTheLaterPaymentReservesNothing() {
        OrderPlaced order = anOrder().withLine("SKU-1006", 1).placed();
        topic.publish(order, "order-service");
        topic.publish(new OrderCancellationRequested(order.orderId(), "c-42", "deadline passed"), "order-service");

        topic.publish(
                new PaymentAuthorized(order.orderId(), UUID.randomUUID(), "c-42", order.totalAmount(), "EUR"),
                "payment-service");

        assertThat(topic.awaitEvent(StockReservationFailed.class, order.orderId())
                        .reason())
                .isEqualTo("order cancelled");
        assertThat(api.product("SKU-1006").reserved()).isZero();
        assertThat(topic.collected(StockReleased.class))
                .noneMatch(released -> released.orderId().equals(order.orderId()));
    }

    @Test
    void duplicatesChangeNothing() {
        OrderPlaced order = anOrder().withLine("SKU-1007", 2).placed();
        EventEnvelope placed = topic.publish(order, "order-service");
        EventEnvelope payment = pay(order);
        topic.awaitEvent(StockReserved.class, order.orderId());

        topic.redeliver(placed, QUEUE);
        topic.redeliver(payment, QUEUE);
        pay(order);
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.messagesIn(QUEUE) == 0);

        assertThat(topic.collected(StockReserved.class))
                .filteredOn(event -> event.orderId().equals(order.orderId()))
                .hasSize(1);
        assertThat(api.product("SKU-1007"))
                .extracting(ProductView::available, ProductView::reserved)
                .containsExactly(98, 2);
    }

    @Test
    void twentyConcurrentOrdersForFiveUnitsReserveExactlyFive() {
        api.restock("SKU-1012", 3).toBodilessEntity();
        assertThat(api.product("SKU-1012").available()).isEqualTo(5);
        List<OrderPlaced> orders = IntStream.range(0, 20)
                .mapToObj(i -> anOrder().withLine("SKU-1012", 1).placed())
                .toList();

        orders.forEach(order -> topic.publish(order, "order-service"));
        orders.forEach(this::pay);

        await().atMost(Duration.ofSeconds(60)).until(() -> outcomesOf(orders) == 20);
        assertThat(topic.collected(StockReserved.class))
                .filteredOn(event -> isOneOf(event.orderId(), orders))
                .hasSize(5);
        assertThat(api.product("SKU-1012"))
                .extracting(ProductView::available, ProductView::reserved)
                .containsExactly(0, 5);
    }

    private EventEnvelope placeAndPay(OrderPlaced order) {
        topic.publish(order, "order-service");
        return pay(order);
    }

    private EventEnvelope pay(OrderPlaced order) {
        BigDecimal amount = order.totalAmount();
        return topic.publish(
                new PaymentAuthorized(order.orderId(), UUID.randomUUID(), "c-42", amount, "EUR"), "payment-service");
    }

    private long outcomesOf(List<OrderPlaced> orders) {
        return topic.collectedEnvelopes().stream()
                .filter(envelope -> isOneOf(envelope.orderId(), orders))
                .count();
    }

    private static boolean isOneOf(UUID orderId, List<OrderPlaced> orders) {
        return orders.stream().anyMatch(order -> order.orderId().equals(orderId));
    }
}
