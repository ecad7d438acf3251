package io.eventshop.e2e;

import static io.eventshop.e2e.OrderRequest.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Fault scenario 1: 200 orders at once, mixed across every path, some of them competing for a scarce product. */
@ExtendWith(EventshopExtension.class)
class ConcurrentOrdersIntegrationTests {

    private static final int ORDERS = 200;
    private static final int FOR_THE_SCARCE_PRODUCT = 10;
    private static final String SCARCE = "SKU-1012";

    private record Placed(SagaPath path, String id, int cancelStatus) {}

    @Test
    void twoHundredConcurrentOrdersEachEndAsTheirPathSaysAndTheScarceProductIsNeverOversold(RunningSystem system)
            throws Exception {
        Eventshop shop = system.client();
        int scarceStock = shop.product(SCARCE).get("available").asInt();
        List<Callable<Placed>> orders = new ArrayList<>();
        for (int n = 0; n < ORDERS - FOR_THE_SCARCE_PRODUCT; n++) {
            SagaPath path = SagaPath.values()[n % SagaPath.values().length];
            int spread = n;
            orders.add(() -> place(shop, path, path.request(spread)));
        }
        for (int n = 0; n < FOR_THE_SCARCE_PRODUCT; n++) {
            orders.add(() -> place(shop, SagaPath.HAPPY, anOrder().withItem(SCARCE, 1)));
        }

        List<Placed> placed = new ArrayList<>();
        try (ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Placed> order : customers.invokeAll(orders)) {
                placed.add(order.get());
            }
        }

        int scarceConfirmed = 0;
        for (Placed order : placed) {
            JsonNode settled = shop.awaitOrder(order.id(), "CONFIRMED", "CANCELLED");
            String status = settled.get("status").asString();
            if (order.path() == SagaPath.CANCELLED_BY_CUSTOMER) {
                assertThat(status)
                        .as("order %s, whose cancellation was answered %d", order.id(), order.cancelStatus())
                        .isEqualTo(order.cancelStatus() == 202 ? "CANCELLED" : "CONFIRMED");
            } else if (isScarce(settled)) {
                scarceConfirmed += status.equals("CONFIRMED") ? 1 : 0;
            } else {
                assertThat(status)
                        .as("order %s on the %s path", order.id(), order.path())
                        .isEqualTo(order.path().outcome);
            }
        }
        assertThat(scarceConfirmed)
                .as("orders confirmed for %s, of which %d were in stock", SCARCE, scarceStock)
                .isEqualTo(Math.min(scarceStock, FOR_THE_SCARCE_PRODUCT));
        system.invariants().assertHold();
    }

    private static Placed place(Eventshop shop, SagaPath path, OrderRequest request) {
        Eventshop.Response response = shop.placeOrder(request);
        assertThat(response.status()).as("POST /orders: %s", response.body()).isEqualTo(202);
        String id = response.body().get("id").asString();
        int cancelStatus =
                path == SagaPath.CANCELLED_BY_CUSTOMER ? shop.cancel(id).status() : 0;
        return new Placed(path, id, cancelStatus);
    }

    private static boolean isScarce(JsonNode order) {
        return order.get("items").findValuesAsString("sku").contains(SCARCE);
    }
}
