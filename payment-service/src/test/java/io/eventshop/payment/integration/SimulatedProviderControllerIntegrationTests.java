package io.eventshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.ServiceHttp;
import io.eventshop.payment.PaymentServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The simulated provider's console: its faults change over HTTP while the service runs, and its ledger is shown. */
@PaymentServiceIntegrationTest
class SimulatedProviderControllerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentProvider provider;

    private RestClient http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.on(port);
    }

    @Test
    void theSimulatedProvidersFaultsChangeOverHttpAndABadRateIsRefusedNamingTheField() {
        var before = http.get().uri("/simulated-provider/faults").retrieve().body(String.class);
        try {
            var changed = http.put()
                    .uri("/simulated-provider/faults")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"failureRate\":0.25,\"timeoutRate\":0}")
                    .retrieve()
                    .toEntity(String.class);
            var refused = http.put()
                    .uri("/simulated-provider/faults")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"failureRate\":0,\"timeoutRate\":1.5}")
                    .retrieve()
                    .toEntity(String.class);

            assertThat(changed.getStatusCode().value()).isEqualTo(200);
            assertThat(provider.faults()).isEqualTo(new SimulatedPaymentProvider.Faults(0.25, 0));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody()).contains("\"field\":\"timeoutRate\"");
            assertThat(http.get().uri("/simulated-provider/ledger").retrieve().body(String.class))
                    .contains("\"charges\":", "\"charged\":", "\"refunded\":");
        } finally {
            http.put()
                    .uri("/simulated-provider/faults")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(before)
                    .retrieve()
                    .toBodilessEntity();
        }
    }
}
