package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Fault scenario 3: messages that can never be handled go to the dead-letter queue at their first receive, with the
 * reason; good messages that failed for a while (a broken database) go there after maxReceiveCount, and a redrive
 * after the fix completes their orders.
 */
@ExtendWith(EventshopExtension.class)
class PoisonMessageIntegrationTests {

    /** A type each consumer handles, for the message that names it but fails validation. */
    private static final Map<String, String> HANDLED = Map.of(
            "order-service", "PaymentAuthorized",
            "payment-service", "OrderPlaced",
            "inventory-service", "OrderPlaced",
            "shipping-service", "StockReserved",
            "notification-service", "OrderConfirmed");

    @Test
    void poisonIsDeadLetteredAtOnceWithItsReasonAndGoodMessagesAreRedrivenAfterTheFix(RunningSystem system) {
        Aws aws = system.aws();
        Eventshop shop = system.client();
        List<Invariants.DeadLetter> poisoned = new ArrayList<>();
        try {
            for (Aws.ConsumerQueue queue : Aws.QUEUES) {
                poisoned.add(poison(aws, queue, id -> "{\"eventId\": \"" + id + "\", this is not JSON", "not JSON"));
                poisoned.add(poison(
                        aws, queue, id -> envelope(id, "OrderTeleported"), "unknown event type: OrderTeleported"));
                // A type the consumer handles, whose data lacks every field but the orderId.
                poisoned.add(poison(aws, queue, id -> envelope(id, HANDLED.get(queue.service())), "field"));
            }
            for (Aws.ConsumerQueue queue : Aws.QUEUES) {
                await().atMost(Eventshop.SETTLE)
                        .untilAsserted(() -> assertThat(shop.deadLetters(queue.service(), queue.deadLetterQueue()))
                                .as("%s", queue.deadLetterQueue())
                                .hasSize(3)
                                .allSatisfy(message -> assertThat(
                                                message.get("failureReason").asString())
                                        .as("the reason, given at the first receive")
                                        .isNotBlank()));
            }

            List<String> stranded = strandTwoOrdersWhileShippingsDatabaseRefusesShipments(system);

            shippingsDatabaseIsFixed(system);
            List<String> good = shop.deadLetters("shipping-service", "shipping-service-events-dlq.fifo").stream()
                    .filter(message -> message.get("failureReason").isNull())
                    .map(message -> message.get("messageId").asString())
                    .toList();
            assertThat(good).hasSize(2);
            assertThat(shop.redrive("shipping-service", "shipping-service-events-dlq.fifo", good)
                            .status())
                    .isEqualTo(200);

            stranded.forEach(id -> shop.awaitOrder(id, "CONFIRMED"));
            system.invariants().assertHold(poisoned);
        } finally {
            shippingsDatabaseIsFixed(system);
            for (Aws.ConsumerQueue queue : Aws.QUEUES) {
                aws.sqs.purgeQueue(request -> request.queueUrl(aws.queueUrl(queue.deadLetterQueue())));
            }
        }
    }

    /** A bug in the storage: every new shipment is refused, so StockReserved fails until maxReceiveCount. */
    private static List<String> strandTwoOrdersWhileShippingsDatabaseRefusesShipments(RunningSystem system) {
        system.databases().execute("shipping-service", """
                create or replace function e2e_refuse_shipments() returns trigger language plpgsql as $$
                begin
                    raise exception 'shipment storage is broken (fault injected by the e2e suite)';
                end $$;
                create trigger e2e_refuse_shipments before insert on shipment
                    for each row execute function e2e_refuse_shipments();
                """);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            ids.add(system.client()
                    .placeOrder(SagaPath.HAPPY.request(n))
                    .body()
                    .get("id")
                    .asString());
        }
        await().atMost(Eventshop.SETTLE).untilAsserted(() -> assertThat(
                        system.client().deadLetters("shipping-service", "shipping-service-events-dlq.fifo"))
                .filteredOn(message -> message.get("failureReason").isNull())
                .hasSize(2));
        ids.forEach(id ->
                assertThat(system.client().order(id).get("status").asString()).isEqualTo("PENDING"));
        return ids;
    }

    private static void shippingsDatabaseIsFixed(RunningSystem system) {
        system.databases().execute("shipping-service", "drop trigger if exists e2e_refuse_shipments on shipment");
    }

    /** Sends a poison message, whose body carries a fresh eventId that names it; returns what the DLQ must hold. */
    private static Invariants.DeadLetter poison(
            Aws aws, Aws.ConsumerQueue queue, Function<String, String> body, String reason) {
        String eventId = UUID.randomUUID().toString();
        var request = SendMessageRequest.builder()
                .queueUrl(aws.queueUrl(queue.name()))
                .messageBody(body.apply(eventId));
        if (queue.name().endsWith(".fifo")) {
            request.messageGroupId(eventId).messageDeduplicationId(eventId);
        }
        aws.sqs.sendMessage(request.build());
        return new Invariants.DeadLetter(queue.deadLetterQueue(), eventId, reason);
    }

    private static String envelope(String eventId, String type) {
        UUID orderId = UUID.randomUUID();
        return """
                {"eventId":"%s","eventType":"%s","eventVersion":1,"source":"e2e-tests",\
                "occurredAt":"2026-11-23T10:00:00Z","orderId":"%s","correlationId":"%s",\
                "causationId":"%s","data":{"orderId":"%s"}}""".formatted(eventId, type, orderId, UUID.randomUUID(), UUID.randomUUID(), orderId);
    }
}
