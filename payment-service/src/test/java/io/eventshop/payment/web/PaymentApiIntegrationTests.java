package io.eventshop.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.ServiceHttp;
import io.eventshop.payment.PaymentServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClient;

/** The REST API's answers to requests that find nothing or are malformed, its description and its metrics. */
@PaymentServiceIntegrationTest
class PaymentApiIntegrationTests {

    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.on(port);
    }

    @Test
    void anUnknownPaymentIsNotFoundNamingItsId() {
        UUID id = UUID.randomUUID();

        var response = http.get().uri("/payments/{id}", id).retrieve().toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().getDetail()).contains(id.toString());
        assertThat(response.getBody().getProperties())
                .containsEntry("resource", "payment")
                .containsEntry("id", id.toString());
    }

    @Test
    void paymentsOfAnOrderNeedAValidOrderId() {
        var missing = http.get().uri("/payments").retrieve().toEntity(ProblemDetail.class);
        var malformed =
                http.get().uri("/payments?orderId=not-a-uuid").retrieve().toEntity(String.class);

        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().getDetail()).contains("orderId");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("\"field\":\"orderId\"");
    }

    @Test
    void anOrderWithNoPaymentYetHasAnEmptyList() {
        List<Map<String, Object>> payments = http.get()
                .uri("/payments?orderId={orderId}", UUID.randomUUID())
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});

        assertThat(payments).isEmpty();
    }

    @Test
    void theApiIsDescribedAndTheProvidersResilienceIsMeasured() {
        assertThat(http.get().uri("/v3/api-docs").retrieve().body(String.class)).contains("/payments/{id}");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains(
                        "resilience4j_circuitbreaker_state{", "resilience4j_retry_calls", "name=\"payment-provider\"");
    }
}
