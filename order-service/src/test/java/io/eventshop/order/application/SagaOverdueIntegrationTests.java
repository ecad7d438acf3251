package io.eventshop.order.application;

import static io.eventshop.order.testing.OrderRequests.anOrderRequest;
import static io.eventshop.order.testing.SagaEvents.paymentAuthorized;
import static io.eventshop.order.testing.SagaEvents.paymentRefunded;
import static io.eventshop.order.testing.SagaEvents.shipmentScheduled;
import static io.eventshop.order.testing.SagaEvents.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.IntegrationEvent;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.OrdersApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code eventshop.saga.overdue}, with the saga's deadline shortened to a second: the orders still PENDING past it, as
 * the deadline job counts them. No other service answers here (this context listens on a queue of its own, fed by
 * nothing), so an order whose cancellation the job requested stays PENDING until the test plays payment's refund.
 */
@OrderServiceIntegrationTest
@TestPropertySource(
        properties = {
            "eventshop.order.saga-deadline=1s",
            "eventshop.order.deadline-check-interval=200ms",
            "eventshop.messaging.listener.queue=" + SagaOverdueIntegrationTests.QUEUE
        })
@DirtiesContext
class SagaOverdueIntegrationTests {

    static final String QUEUE = "order-service-overdue-test.fifo";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderSaga saga;

    @Autowired
    MeterRegistry meters;

    OrdersApi api;

    @BeforeAll
    static void createTheQueueOfThisContext(LocalAwsEndpoint endpoint) {
        try (var aws = new AwsFixtures(endpoint)) {
            aws.fifoQueue(QUEUE);
        }
    }

    @BeforeEach
    void setUp() {
        api = new OrdersApi(port);
        jdbc.sql("""
                        insert into product_price (sku, name, price, currency, updated_at)
                        values ('SKU-1001', 'Teapot', 19.99, 'EUR', now()) on conflict do nothing
                        """).update();
    }

    @Test
    void ordersStillPendingPastTheDeadlineAreCountedUntilTheirSagaEnds() {
        Timer cancelled = meters.get("eventshop.saga.duration")
                .tag("outcome", "cancelled")
                .timer();
        assertThat(overdue()).isZero();
        UUID first = api.place(anOrderRequest().withItem("SKU-1001", 1).json()).id();
        UUID second = api.place(anOrderRequest().withItem("SKU-1001", 2).json()).id();

        await().atMost(Duration.ofSeconds(10)).until(() -> overdue() == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(first).text("/saga/step").equals("CANCELLATION_REQUESTED"));
        assertThat(overdue()).as("still PENDING, their cancellation under way").isEqualTo(2);

        saga.on(paymentRefunded(first), envelope(paymentRefunded(first)));

        await().atMost(Duration.ofSeconds(10)).until(() -> overdue() == 1);
        assertThat(api.get(first).text("/status")).isEqualTo("CANCELLED");
        assertThat(cancelled.count()).isEqualTo(1);
        assertThat(cancelled.max(TimeUnit.SECONDS)).as("past the deadline").isGreaterThanOrEqualTo(1.0);

        UUID third = api.place(anOrderRequest().withItem("SKU-1001", 3).json()).id();
        saga.on(paymentAuthorized(third), envelope(paymentAuthorized(third)));
        saga.on(stockReserved(third), envelope(stockReserved(third)));
        saga.on(shipmentScheduled(third), envelope(shipmentScheduled(third)));

        assertThat(api.get(third).text("/status")).isEqualTo("CONFIRMED");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> overdue() == 1);
        assertThat(api.get(second).text("/status")).isEqualTo("PENDING");
    }

    private double overdue() {
        return meters.get("eventshop.saga.overdue").gauge().value();
    }

    private static EventEnvelope envelope(IntegrationEvent event) {
        return EventEnvelope.of(event, "test", event.orderId(), null, Clock.systemUTC());
    }
}
