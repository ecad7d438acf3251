package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Fault scenario 2: every message is delivered more than once. A tap sees each event as its consumers get it, and puts
 * two more copies of it on every queue that receives it, in one batch, so that on notification-service's standard
 * queue they are handled concurrently with each other and with the original. The inboxes must absorb every copy.
 */
@ExtendWith(EventshopExtension.class)
class DuplicateDeliveryIntegrationTests {

    private static final int COPIES = 2;

    /** The event types each FIFO queue's subscription lets through, as in infra/topology.yaml. */
    private static final Map<String, List<String>> SUBSCRIBED = Map.of(
            "order-service-events.fifo",
            List.of(
                    "PaymentAuthorized",
                    "PaymentDeclined",
                    "PaymentRefunded",
                    "PaymentRefundFailed",
                    "StockReserved",
                    "StockReservationFailed",
                    "StockReleased",
                    "ShipmentScheduled",
                    "ShipmentFailed",
                    "ProductPriceChanged"),
            "payment-service-events.fifo",
            List.of("OrderPlaced", "StockReservationFailed", "StockReleased", "OrderCancellationRequested"),
            "inventory-service-events.fifo",
            List.of(
                    "OrderPlaced",
                    "PaymentAuthorized",
                    "ShipmentFailed",
                    "OrderCancellationRequested",
                    "OrderConfirmed"),
            "shipping-service-events.fifo",
            List.of("StockReserved", "OrderCancellationRequested"));

    @Test
    void everyEventDeliveredThreeTimesHasItsEffectOnceAndEveryCopyIsCountedAsADuplicate(RunningSystem system) {
        Eventshop shop = system.client();
        Aws aws = system.aws();
        Map<String, Double> duplicatesBefore = duplicates(shop);
        Map<String, AtomicInteger> copiesSent = new HashMap<>();
        Aws.QUEUES.forEach(queue -> copiesSent.put(queue.service(), new AtomicInteger()));
        List<String> ids = new ArrayList<>();

        try (Tap tap = Tap.open(aws, tapped -> {
            for (Aws.ConsumerQueue queue : Aws.QUEUES) {
                boolean receives = tapped.fromBus()
                        ? queue.service().equals("notification-service")
                        : SUBSCRIBED.getOrDefault(queue.name(), List.of()).contains(tapped.eventType());
                if (receives) {
                    sendCopies(aws, queue.name(), tapped);
                    copiesSent.get(queue.service()).addAndGet(COPIES);
                }
            }
        })) {
            for (SagaPath path : SagaPath.values()) {
                for (int n = 0; n < 2; n++) {
                    String id =
                            shop.placeOrder(path.request(n)).body().get("id").asString();
                    if (path == SagaPath.CANCELLED_BY_CUSTOMER) {
                        shop.cancel(id);
                    }
                    ids.add(id);
                }
            }
            ids.forEach(id -> shop.awaitOrder(id, "CONFIRMED", "CANCELLED"));
            system.invariants().awaitQuiescence();
        }
        system.invariants().assertHold();

        Map<String, Double> duplicatesAfter = duplicates(shop);
        for (Aws.ConsumerQueue queue : Aws.QUEUES) {
            assertThat(duplicatesAfter.get(queue.service()) - duplicatesBefore.get(queue.service()))
                    .as(
                            "copies %s's inbox recognised, of the %s sent",
                            queue.service(), copiesSent.get(queue.service()))
                    .isEqualTo(copiesSent.get(queue.service()).get());
        }
        assertThat(copiesSent.get("payment-service").get()).isPositive();
        assertThat(copiesSent.get("notification-service").get()).isPositive();
        for (String id : ids) {
            List<String> steps = shop.order(id).get("saga").get("steps").findValuesAsString("name");
            assertThat(steps).as("saga steps of order %s", id).doesNotHaveDuplicates();
            assertThat(system.databases()
                            .count(
                                    "notification-service",
                                    "select count(*) - count(distinct type) from notification"
                                            + " where order_id = ?::uuid",
                                    id))
                    .as("notifications of one type sent twice for order %s", id)
                    .isZero();
        }
    }

    private static void sendCopies(Aws aws, String queue, Tap.Tapped tapped) {
        String group = tapped.message().attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        List<SendMessageBatchRequestEntry> copies = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            var entry = SendMessageBatchRequestEntry.builder()
                    .id("copy" + copy)
                    .messageBody(tapped.message().body())
                    .messageAttributes(tapped.message().messageAttributes());
            if (queue.endsWith(".fifo")) {
                // A new deduplication id, or SQS itself would drop the copy: these are redeliveries SQS let through.
                entry.messageGroupId(group)
                        .messageDeduplicationId(UUID.randomUUID().toString());
            }
            copies.add(entry.build());
        }
        var result = aws.sqs.sendMessageBatch(
                request -> request.queueUrl(aws.queueUrl(queue)).entries(copies));
        assertThat(result.failed()).as("copies refused by %s", queue).isEmpty();
    }

    private static Map<String, Double> duplicates(Eventshop shop) {
        Map<String, Double> counts = new HashMap<>();
        for (Aws.ConsumerQueue queue : Aws.QUEUES) {
            counts.put(
                    queue.service(),
                    shop.metric(
                            queue.service(),
                            "eventshop_inbox_duplicates_total",
                            "consumer=\"" + queue.service() + "\""));
        }
        return counts;
    }
}
