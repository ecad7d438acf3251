package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Fault scenario 7: the payment provider goes down, then comes back answering slowly: some of its answers are lost
 * after it has acted. The circuit opens and closes again, every order completes, nobody is charged twice, and a refund
 * the provider refuses is retried until it succeeds.
 */
@ExtendWith(EventshopExtension.class)
class ProviderFaultIntegrationTests {

    private static final String CIRCUIT = "name=\"payment-provider\"";

    @Test
    void theCircuitOpensAndClosesEveryOrderCompletesAndNobodyIsChargedTwice(RunningSystem system) {
        Eventshop shop = system.client();
        double retriedBefore = retried(shop);
        List<String> paid = new ArrayList<>();
        try {
            shop.simulateProviderFaults(1, 0);
            for (int n = 0; n < 4; n++) {
                paid.add(place(shop, SagaPath.HAPPY.request(n)));
            }
            await().atMost(Eventshop.SETTLE).until(() -> circuitIs(shop, "open"));

            // Back, but a third of its answers are lost after it has acted: the case idempotency keys are for.
            shop.simulateProviderFaults(0, 0.3);
            for (int n = 4; n < 8; n++) {
                paid.add(place(shop, SagaPath.HAPPY.request(n)));
            }
            await().atMost(Eventshop.SETTLE).until(() -> circuitIs(shop, "closed"));
            paid.forEach(id -> shop.awaitOrder(id, "CONFIRMED"));
        } finally {
            shop.simulateProviderFaults(0, 0);
        }
        assertThat(retried(shop))
                .as("calls retried while the provider was down")
                .isGreaterThan(retriedBefore);

        // Healthy again, the provider refuses the refunds of this card three times before it accepts one.
        String refundRefused = place(shop, SagaPath.REFUND_REFUSED.request(0));
        JsonNode cancelled = shop.awaitOrder(refundRefused, "CANCELLED");
        assertThat(cancelled.get("saga").get("steps").findValuesAsString("name"))
                .as("the saga of the order whose refund the provider refused at first")
                .containsSubsequence("SHIPMENT_FAILED", "PAYMENT_REFUND_FAILED", "PAYMENT_REFUNDED", "CANCELLED");
        assertThat(shop.payments(refundRefused)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("REFUNDED"));
        system.invariants().assertHold();
    }

    private static String place(Eventshop shop, OrderRequest request) {
        return shop.placeOrder(request).body().get("id").asString();
    }

    private static double retried(Eventshop shop) {
        return shop.metric("payment-service", "resilience4j_retry_calls_total", CIRCUIT, "kind=\"failed_with_retry\"");
    }

    private static boolean circuitIs(Eventshop shop, String state) {
        return shop.metric("payment-service", "resilience4j_circuitbreaker_state", CIRCUIT, "state=\"" + state + "\"")
                == 1.0;
    }
}
