package io.eventshop.order.application;

import static io.eventshop.order.testing.OrderRequests.anOrderRequest;
import static io.eventshop.order.testing.SagaEvents.paymentAuthorized;
import static io.eventshop.order.testing.SagaEvents.shipmentScheduled;
import static io.eventshop.order.testing.SagaEvents.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.OrdersApi;
import io.eventshop.order.testing.OrdersApi.Response;
import io.eventshop.order.testing.SagaEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The saga's deadline, shortened to a second. This context listens on a queue of its own, so that it never takes
 * the events of the other tests' context, and it is closed after the class; its prices are seeded directly.
 */
@OrderServiceIntegrationTest
@TestPropertySource(
        properties = {
            "eventshop.order.saga-deadline=1s",
            "eventshop.order.deadline-check-interval=200ms",
            "eventshop.messaging.listener.queue=" + SagaDeadlineIntegrationTests.QUEUE
        })
@DirtiesContext
class SagaDeadlineIntegrationTests {

    static final String QUEUE = "order-service-deadline-test.fifo";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderSaga saga;

    OrdersApi api;
    SagaTopic topic;
    SagaEvents events;

    @BeforeAll
    static void createTheQueueOfThisContext(LocalAwsEndpoint endpoint) {
        try (var aws = new AwsFixtures(endpoint)) {
            aws.fifoQueue(QUEUE);
        }
    }

    @BeforeEach
    void setUp() {
        api = new OrdersApi(port);
        topic = new SagaTopic().collecting(SagaEvents.ORDER_EVENTS);
        events = new SagaEvents(topic);
        jdbc.sql("""
                        insert into product_price (sku, name, price, currency, updated_at)
                        values ('SKU-1001', 'Teapot', 19.99, 'EUR', now()) on conflict do nothing
                        """).update();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void anOrderStillPendingAfterTheDeadlineHasItsCancellationRequested() {
        UUID id = api.place(anOrderRequest().withItem("SKU-1001", 2).json()).id();

        EventEnvelope requested = events.awaitPublished(id, OrderCancellationRequested.class);

        assertThat(((OrderCancellationRequested) requested.data()).reason()).isEqualTo("deadline exceeded");
        Response order = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(id), response -> response.text("/saga/step")
                        .equals("CANCELLATION_REQUESTED"));
        assertThat(order.text("/status")).isEqualTo("PENDING");
        assertThat(order.text("/cancellationReason")).isEqualTo("deadline exceeded");
        assertThat(topic.eventTypesFor(id)).as("requested once").containsOnlyOnce("OrderCancellationRequested");
    }

    @Test
    void aConfirmedOrderIsLeftAlone() {
        UUID id = api.place(anOrderRequest().withItem("SKU-1001", 1).json()).id();
        saga.on(paymentAuthorized(id), envelope(paymentAuthorized(id)));
        saga.on(stockReserved(id), envelope(stockReserved(id)));
        saga.on(shipmentScheduled(id), envelope(shipmentScheduled(id)));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> !topic.eventTypesFor(id)
                .contains("OrderCancellationRequested"));
        assertThat(api.get(id).text("/status")).isEqualTo("CONFIRMED");
    }

    private static EventEnvelope envelope(IntegrationEvent event) {
        return EventEnvelope.of(event, "test", event.orderId(), null, Clock.systemUTC());
    }
}
