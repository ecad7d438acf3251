package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault scenario 4: each service in turn stops while orders are in flight. Its messages wait in its queue, and once it
 * is back every order completes.
 */
@ExtendWith(EventshopExtension.class)
class ServiceRestartIntegrationTests {

    private static final int ORDERS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "order-service",
                "payment-service",
                "inventory-service",
                "shipping-service",
                "notification-service"
            })
    void ordersInFlightWhileAServiceIsStoppedWaitInItsQueueAndCompleteWhenItIsBack(
            String service, RunningSystem system) {
        Eventshop shop = system.client();
        Aws aws = system.aws();
        String queue = Aws.queueOf(service).name();
        List<OrderRequest> requests =
                IntStream.range(0, ORDERS).mapToObj(SagaPath.HAPPY::request).toList();

        List<String> ids;
        if (service.equals("order-service")) {
            // The orders must be placed through it; it stops right after, with their sagas under way.
            ids = requests.stream().map(request -> placed(shop, request)).toList();
            system.withStopped(service, () -> awaitWaiting(aws, queue));
        } else {
            ids = system.withStopped(service, () -> {
                List<String> placed =
                        requests.stream().map(request -> placed(shop, request)).toList();
                awaitWaiting(aws, queue);
                placed.forEach(id -> assertThat(shop.order(id).get("status").asString())
                        .as("order %s, while %s is stopped", id, service)
                        .isIn("PENDING", "CONFIRMED"));
                return placed;
            });
        }

        ids.forEach(id -> shop.awaitOrder(id, "CONFIRMED"));
        await().atMost(Eventshop.SETTLE)
                .untilAsserted(() -> requests.forEach(request -> assertThat(shop.notifications(request.customerId()))
                        .extracting(notification -> notification.get("type").asString())
                        .contains("OrderConfirmed", "ShipmentScheduled")));
        system.invariants().assertHold();
    }

    private static String placed(Eventshop shop, OrderRequest request) {
        Eventshop.Response response = shop.placeOrder(request);
        assertThat(response.status()).isEqualTo(202);
        return response.body().get("id").asString();
    }

    /** Messages for the stopped service arrive in its queue, and stay there. */
    private static Boolean awaitWaiting(Aws aws, String queue) {
        await().atMost(Eventshop.SETTLE).until(() -> aws.depth(queue) > 0);
        return true;
    }
}
