package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault scenario 5: the AWS endpoint is down for 30 s while orders are placed. Their events wait in the outboxes, no
 * order moves, and afterwards every event is published, in order per order, and every order completes.
 */
@ExtendWith(EventshopExtension.class)
class EndpointOutageIntegrationTests {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int ORDERS = 5;
    private static final List<String> HAPPY_PATH =
            List.of("OrderPlaced", "PaymentAuthorized", "StockReserved", "ShipmentScheduled", "OrderConfirmed");

    @Test
    void eventsWaitInTheOutboxesDuringAnOutageAndArePublishedInOrderAfterwards(RunningSystem system) {
        Eventshop shop = system.client();
        double failuresBefore = shop.metric("order-service", "eventshop_outbox_failures_total");
        List<String> ids;
        try (Tap tap = Tap.open(system.aws())) {
            system.endpoint().goOffline();
            try {
                ids = IntStream.range(0, ORDERS)
                        .mapToObj(n -> shop.placeOrder(SagaPath.HAPPY.request(n)))
                        .map(placed -> placed.body().get("id").asString())
                        .toList();

                await().during(OUTAGE)
                        .atMost(OUTAGE.plusSeconds(10))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> ids.stream().allMatch(id -> shop.order(id)
                                        .get("status")
                                        .asString()
                                        .equals("PENDING"))
                                && system.databases()
                                                .count(
                                                        "order-service",
                                                        "select count(*) from outbox_event"
                                                                + " where sns_published_at is null")
                                        >= ORDERS);
                assertThat(shop.metric("order-service", "eventshop_outbox_failures_total"))
                        .as("the relay's failed attempts during the outage")
                        .isGreaterThan(failuresBefore);
            } finally {
                system.endpoint().goOnline();
            }

            ids.forEach(id -> shop.awaitOrder(id, "CONFIRMED"));
            await().atMost(Eventshop.SETTLE)
                    .untilAsserted(() -> ids.forEach(id -> assertThat(tap.seen().stream()
                                    // notification-service's CustomerNotified runs beside the saga, not in it
                                    .filter(tapped -> !tapped.fromBus()
                                            && tapped.orderId().equals(id)
                                            && !tapped.eventType().equals("CustomerNotified"))
                                    .map(Tap.Tapped::eventType))
                            .as("the events of order %s on the topic, in the order they arrived", id)
                            .containsExactlyElementsOf(HAPPY_PATH)));
        }
        system.invariants().assertHold();
    }
}
