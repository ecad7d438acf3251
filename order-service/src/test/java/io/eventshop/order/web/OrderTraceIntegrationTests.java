package io.eventshop.order.web;

import static io.eventshop.order.testing.OrderRequests.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.order.testing.Catalogue;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.OrdersApi;
import io.eventshop.order.testing.OrdersApi.Response;
import io.eventshop.order.testing.SagaEvents;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The answer to POST /orders names the order's trace: the one its OrderPlaced carries on to the other services. */
@OrderServiceIntegrationTest
class OrderTraceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OrdersApi api;
    SagaTopic topic;

    @BeforeEach
    void setUp() {
        api = new OrdersApi(port);
        topic = new SagaTopic().collecting(SagaEvents.ORDER_EVENTS);
        new Catalogue(new SagaEvents(topic), jdbc).price("SKU-1001", "19.99");
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void placingAnOrderAnswersTheTraceIdThatItsOrderPlacedCarries() {
        Response placed = api.place(anOrderRequest().withItem("SKU-1001", 1).json());

        assertThat(placed.status()).isEqualTo(202);
        String traceId = placed.text("/traceId");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(placed.headers().getFirst(OrderController.TRACE_ID)).isEqualTo(traceId);
        String traceparent =
                jdbc.sql("""
                        select attributes->>'traceparent' from outbox_event
                        where event_type = 'OrderPlaced' and ordering_key = ?
                        """).param(placed.id().toString()).query(String.class).single();
        assertThat(traceparent).startsWith("00-" + traceId + "-");
    }

    @Test
    void readingAnOrderOrReplayingItsPlacementAnswersNoTraceId() {
        String body = anOrderRequest().withItem("SKU-1001", 1).json();
        String key = UUID.randomUUID().toString();
        Response placed = api.place(body, key);

        Response read = api.get(placed.id());
        Response replayed = api.place(body, key);

        assertThat(placed.text("/traceId")).isNotEmpty();
        assertThat(read.body().has("traceId")).isFalse();
        assertThat(replayed.headers().getFirst(OrderController.REPLAYED)).isEqualTo("true");
        assertThat(replayed.body().has("traceId")).isFalse();
        assertThat(replayed.headers().containsHeader(OrderController.TRACE_ID)).isFalse();
    }
}
