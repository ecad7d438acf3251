package io.eventshop.order.application;

import static io.eventshop.order.testing.OrderRequests.anOrderRequest;
import static io.eventshop.order.testing.SagaEvents.paymentAuthorized;
import static io.eventshop.order.testing.SagaEvents.paymentDeclined;
import static io.eventshop.order.testing.SagaEvents.paymentRefundFailed;
import static io.eventshop.order.testing.SagaEvents.paymentRefunded;
import static io.eventshop.order.testing.SagaEvents.shipmentFailed;
import static io.eventshop.order.testing.SagaEvents.shipmentScheduled;
import static io.eventshop.order.testing.SagaEvents.stockReleased;
import static io.eventshop.order.testing.SagaEvents.stockReservationFailed;
import static io.eventshop.order.testing.SagaEvents.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.order.testing.Catalogue;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.OrdersApi;
import io.eventshop.order.testing.OrdersApi.Response;
import io.eventshop.order.testing.SagaEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each path of the saga, driven as the other services drive it: their events are published to the SNS topic, and
 * the order's state (GET /orders/{id}) and what it published (a subscriber's queue) are checked.
 */
@OrderServiceIntegrationTest
class OrderSagaIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    OrdersApi api;
    SagaTopic topic;
    SagaEvents events;

    @BeforeEach
    void setUp() {
        api = new OrdersApi(port);
        topic = new SagaTopic().collecting(SagaEvents.ORDER_EVENTS);
        events = new SagaEvents(topic);
        new Catalogue(events, jdbc).price("SKU-1001", "19.99");
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    private UUID placeOrder() {
        Response placed = api.place(anOrderRequest().withItem("SKU-1001", 2).json());
        assertThat(placed.status()).isEqualTo(202);
        return placed.id();
    }

    private Response awaitOrder(UUID id, String status, String step) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get(id),
                        order -> order.text("/status").equals(status)
                                && order.text("/saga/step").equals(step));
    }

    @Test
    void paymentStockAndShipmentConfirmTheOrderAndPublishOrderConfirmedCausedByTheShipment() {
        UUID id = placeOrder();

        events.publish(paymentAuthorized(id));
        awaitOrder(id, "PENDING", "PAYMENT_AUTHORIZED");
        events.publish(stockReserved(id));
        awaitOrder(id, "PENDING", "STOCK_RESERVED");
        EventEnvelope shipment = events.publish(shipmentScheduled(id));
        Response confirmed = awaitOrder(id, "CONFIRMED", "CONFIRMED");

        EventEnvelope envelope = events.awaitPublished(id, OrderConfirmed.class);
        OrderConfirmed event = (OrderConfirmed) envelope.data();
        assertThat(event.totalAmount()).isEqualByComparingTo("39.98");
        assertThat(event.currency()).isEqualTo("EUR");
        assertThat(envelope.causationId()).isEqualTo(shipment.eventId());
        assertThat(envelope.correlationId()).isEqualTo(shipment.correlationId());
        assertThat(confirmed.body().at("/saga/steps").findValuesAsString("name"))
                .containsExactly(
                        "ORDER_PLACED", "PAYMENT_AUTHORIZED", "STOCK_RESERVED", "SHIPMENT_SCHEDULED", "CONFIRMED");
        assertThat(topic.eventTypesFor(id)).containsExactly("OrderPlaced", "OrderConfirmed");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderWithItsReason() {
        UUID id = placeOrder();

        events.publish(paymentDeclined(id, "insufficient funds"));

        Response cancelled = awaitOrder(id, "CANCELLED", "CANCELLED");
        assertThat(cancelled.text("/cancellationReason")).isEqualTo("payment declined: insufficient funds");
        OrderCancelled event =
                (OrderCancelled) events.awaitPublished(id, OrderCancelled.class).data();
        assertThat(event.reason()).isEqualTo("payment declined: insufficient funds");
    }

    @Test
    void aFailedReservationCompensatesAndTheRefundCancelsTheOrder() {
        UUID id = placeOrder();
        events.publish(paymentAuthorized(id));
        events.publish(stockReservationFailed(id));

        Response compensating = awaitOrder(id, "PENDING", "COMPENSATING");
        assertThat(compensating.text("/saga/failureReason")).isEqualTo("stock reservation failed: out of stock");
        events.publish(paymentRefunded(id));

        Response cancelled = awaitOrder(id, "CANCELLED", "CANCELLED");
        assertThat(cancelled.text("/cancellationReason")).isEqualTo("stock reservation failed: out of stock");
        events.awaitPublished(id, OrderCancelled.class);
    }

    @Test
    void aFailedShipmentCompensatesThroughReleaseAndRefund() {
        UUID id = placeOrder();
        events.publish(paymentAuthorized(id));
        events.publish(stockReserved(id));
        events.publish(shipmentFailed(id, "cannot deliver to AQ"));
        awaitOrder(id, "PENDING", "COMPENSATING");
        events.publish(stockReleased(id));
        awaitOrder(id, "PENDING", "STOCK_RELEASED");

        events.publish(paymentRefunded(id));

        awaitOrder(id, "CANCELLED", "CANCELLED");
        events.awaitPublished(id, OrderCancelled.class);
    }

    @Test
    void aRefundThatKeepsFailingNeedsAttentionUntilTheRefundSucceeds() {
        UUID id = placeOrder();
        events.publish(paymentAuthorized(id));
        events.publish(stockReservationFailed(id));
        events.publish(paymentRefundFailed(id));

        Response attention = awaitOrder(id, "NEEDS_ATTENTION", "PAYMENT_REFUND_FAILED");
        assertThat(attention.text("/saga/failureReason")).isEqualTo("refund failed: provider unavailable");
        assertThat(api.search("status=NEEDS_ATTENTION").body().at("/content").findValuesAsString("id"))
                .contains(id.toString());
        assertThat(api.cancel(id).status()).isEqualTo(409);

        events.publish(paymentRefunded(id));

        awaitOrder(id, "CANCELLED", "CANCELLED");
        events.awaitPublished(id, OrderCancelled.class);
    }

    @Test
    void aCancellationBeforeShipmentIsAcceptedAndTheRefundCancelsTheOrder() {
        UUID id = placeOrder();
        events.publish(paymentAuthorized(id));
        awaitOrder(id, "PENDING", "PAYMENT_AUTHORIZED");

        Response accepted = api.cancel(id, "{\"reason\": \"changed my mind\"}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("/saga/step")).isEqualTo("CANCELLATION_REQUESTED");
        assertThat(accepted.text("/cancellationReason")).isEqualTo("changed my mind");
        EventEnvelope requested = events.awaitPublished(id, OrderCancellationRequested.class);
        assertThat(((OrderCancellationRequested) requested.data()).reason()).isEqualTo("changed my mind");
        assertThat(requested.correlationId()).isEqualTo(id);
        assertThat(api.cancel(id).status()).as("asking again").isEqualTo(202);

        events.publish(paymentRefunded(id));

        Response cancelled = awaitOrder(id, "CANCELLED", "CANCELLED");
        assertThat(cancelled.text("/cancellationReason")).isEqualTo("changed my mind");
        events.awaitPublished(id, OrderCancelled.class);
        assertThat(topic.eventTypesFor(id))
                .containsExactly("OrderPlaced", "OrderCancellationRequested", "OrderCancelled");
    }

    @Test
    void aShipmentScheduledWhileCancellingConfirmsNothing() {
        UUID id = placeOrder();
        events.publish(paymentAuthorized(id));
        events.publish(stockReserved(id));
        awaitOrder(id, "PENDING", "STOCK_RESERVED");
        assertThat(api.cancel(id).status()).isEqualTo(202);

        events.publish(shipmentScheduled(id));
        events.publish(shipmentFailed(id, "order cancelled"));
        events.publish(paymentRefunded(id));

        awaitOrder(id, "CANCELLED", "CANCELLED");
        events.awaitPublished(id, OrderCancelled.class);
        assertThat(topic.eventTypesFor(id)).doesNotContain("OrderConfirmed");
    }

    @Test
    void aConfirmedOrderCannotBeCancelled() {
        UUID id = placeOrder();
        events.publish(paymentAuthorized(id));
        events.publish(stockReserved(id));
        events.publish(shipmentScheduled(id));
        awaitOrder(id, "CONFIRMED", "CONFIRMED");

        Response conflict = api.cancel(id);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("/detail")).contains("CONFIRMED");
        assertThat(api.cancel(UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void anEventDeliveredTwiceHasItsEffectOnce() {
        UUID id = placeOrder();
        events.publish(paymentAuthorized(id));
        events.publish(stockReserved(id));
        EventEnvelope shipment = events.publish(shipmentScheduled(id));
        awaitOrder(id, "CONFIRMED", "CONFIRMED");
        double duplicatesBefore = duplicates();

        events.redeliver(shipment);

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicatesBefore);
        Response order = api.get(id);
        assertThat(order.body().at("/saga/steps").findValuesAsString("name"))
                .containsOnlyOnce("SHIPMENT_SCHEDULED", "CONFIRMED");
        assertThat(outboxRows(id, "OrderConfirmed")).isEqualTo(1);
    }

    @Test
    void aRepeatedOutcomeWithANewEventIdChangesNothing() {
        UUID id = placeOrder();
        events.publish(paymentDeclined(id, "declined"));
        awaitOrder(id, "CANCELLED", "CANCELLED");

        events.publish(paymentDeclined(id, "declined again"));
        events.publish(paymentRefunded(id));
        events.publish(stockReleased(id));

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get(id).body().at("/saga/steps").findValuesAsString("name"),
                        steps -> steps.contains("STOCK_RELEASED"));
        Response order = api.get(id);
        assertThat(order.text("/status")).isEqualTo("CANCELLED");
        assertThat(order.text("/cancellationReason")).isEqualTo("payment declined: declined");
        assertThat(outboxRows(id, "OrderCancelled")).isEqualTo(1);
    }

    private double duplicates() {
        return meters.find("eventshop.inbox.duplicates").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private long outboxRows(UUID orderId, String eventType) {
        return jdbc.sql("select count(*) from outbox_event where ordering_key = ? and event_type = ?")
                .params(orderId.toString(), eventType)
                .query(Long.class)
                .single();
    }
}
