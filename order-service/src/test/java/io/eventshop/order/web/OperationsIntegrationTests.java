package io.eventshop.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.OrdersApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** What operators and API clients find besides the orders: health, metrics and the OpenAPI description. */
@OrderServiceIntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthMetricsAndTheApiDescriptionAreServed() {
        var api = new OrdersApi(port);

        assertThat(api.send(HttpMethod.GET, "/actuator/health/readiness", null, null, null)
                        .text("/status"))
                .isEqualTo("UP");
        assertThat(api.send(HttpMethod.GET, "/actuator/prometheus", null, null, null)
                        .text("/text"))
                .contains("eventshop_outbox");
        var openApi = api.send(HttpMethod.GET, "/v3/api-docs", null, null, null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().at("/paths").has("/orders/{id}/cancel")).isTrue();
    }
}
