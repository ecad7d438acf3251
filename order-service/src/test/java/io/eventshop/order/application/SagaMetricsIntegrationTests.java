package io.eventshop.order.application;

import static io.eventshop.order.testing.OrderRequests.anOrderRequest;
import static io.eventshop.order.testing.SagaEvents.paymentAuthorized;
import static io.eventshop.order.testing.SagaEvents.paymentDeclined;
import static io.eventshop.order.testing.SagaEvents.shipmentScheduled;
import static io.eventshop.order.testing.SagaEvents.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.order.testing.Catalogue;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.OrdersApi;
import io.eventshop.order.testing.SagaEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The saga's duration, timed from an order's placement to its end, once per order and by outcome, and the meters of
 * order-service as Prometheus reads them.
 */
@OrderServiceIntegrationTest
class SagaMetricsIntegrationTests {

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

    @Test
    void aConfirmedSagaIsTimedFromThePlacementToTheConfirmationOnce() {
        Timer confirmed = saga("confirmed");
        long count = confirmed.count();
        double seconds = confirmed.totalTime(TimeUnit.SECONDS);
        Instant placing = Instant.now();
        UUID id = api.place(anOrderRequest().withItem("SKU-1001", 1).json()).id();
        Instant placed = Instant.now();
        events.publish(paymentAuthorized(id));
        events.publish(stockReserved(id));
        awaitStep(id, "STOCK_RESERVED");
        Instant lastStep = Instant.now();

        events.publish(shipmentScheduled(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> confirmed.count() == count + 1);
        double took = confirmed.totalTime(TimeUnit.SECONDS) - seconds;
        assertThat(took)
                .as("from the placement, not from the last event")
                .isGreaterThanOrEqualTo(secondsBetween(placed, lastStep))
                .isLessThanOrEqualTo(secondsBetween(placing, Instant.now()));
        double shipmentsHandled = handled("ShipmentScheduled");

        events.publish(shipmentScheduled(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled("ShipmentScheduled") == shipmentsHandled + 1);
        assertThat(confirmed.count()).as("an ended saga is timed once").isEqualTo(count + 1);
    }

    @Test
    void aDeclinedPaymentEndsTheSagaUnderCancelled() {
        Timer cancelled = saga("cancelled");
        Timer confirmed = saga("confirmed");
        long count = cancelled.count();
        long confirmations = confirmed.count();
        UUID id = api.place(anOrderRequest().withItem("SKU-1001", 1).json()).id();

        events.publish(paymentDeclined(id, "insufficient funds"));

        await().atMost(Duration.ofSeconds(20)).until(() -> cancelled.count() == count + 1);
        assertThat(confirmed.count()).isEqualTo(confirmations);
    }

    @Test
    void prometheusReadsTheSagaAndQueueMetersUnderTheirAgreedNames() {
        UUID id = api.place(anOrderRequest().withItem("SKU-1001", 1).json()).id();
        events.publish(paymentDeclined(id, "insufficient funds"));
        awaitStep(id, "CANCELLED");

        List<String> lines = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class)
                .lines()
                .filter(line -> line.startsWith("eventshop_"))
                .toList();

        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("eventshop_saga_duration_seconds_bucket{")
                        .contains("le=\"300.0\"", "outcome=\"cancelled\""))
                .anySatisfy(line -> assertThat(line).startsWith("eventshop_saga_duration_seconds_count{"))
                .anySatisfy(line -> assertThat(line).startsWith("eventshop_saga_duration_seconds_sum{"))
                .anySatisfy(line -> assertThat(line).startsWith("eventshop_saga_overdue "))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("eventshop_messages_handled_total{")
                        .contains("event_type=\"PaymentDeclined\"", "outcome=\"handled\""));
        for (String gauge : List.of(
                "eventshop_queue_messages_visible{",
                "eventshop_queue_messages_in_flight{",
                "eventshop_queue_messages_delayed{",
                "eventshop_queue_oldest_message_age_seconds{")) {
            assertThat(lines)
                    .as(gauge)
                    .anySatisfy(line -> assertThat(line)
                            .startsWith(gauge)
                            .contains("kind=\"queue\"", "queue=\"order-service-events.fifo\""))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith(gauge)
                            .contains("kind=\"dlq\"", "queue=\"order-service-events-dlq.fifo\""));
        }
    }

    private Timer saga(String outcome) {
        return meters.get("eventshop.saga.duration").tag("outcome", outcome).timer();
    }

    private double handled(String eventType) {
        Counter counter = meters.find("eventshop.messages.handled")
                .tags("event_type", eventType, "outcome", "handled")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitStep(UUID id, String step) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(id).text("/saga/step").equals(step));
    }

    private static double secondsBetween(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / 1e9;
    }
}
