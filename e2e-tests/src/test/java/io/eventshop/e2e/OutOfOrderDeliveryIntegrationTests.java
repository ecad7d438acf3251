package io.eventshop.e2e;

import static io.eventshop.e2e.OrderRequest.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault scenario 6: a stale event. inventory-service is away while an order is paid for and then cancelled; its
 * PaymentAuthorized is then delivered after the cancellation, out of order. Inventory must not reserve for a cancelled
 * order, and must say so (StockReservationFailed, "order cancelled") rather than drop the event.
 */
@ExtendWith(EventshopExtension.class)
class OutOfOrderDeliveryIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPaymentAuthorizedThatArrivesAfterTheCancellationReservesNothingAndIsAnsweredWithAFailure(
            RunningSystem system) {
        Eventshop shop = system.client();
        Aws aws = system.aws();
        String queueUrl = aws.queueUrl(Aws.queueOf("inventory-service").name());
        String sku = "SKU-1009";
        int available = shop.product(sku).get("available").asInt();
        String id;

        try (Tap tap = Tap.open(aws)) {
            id = system.withStopped("inventory-service", () -> {
                String placed = shop.placeOrder(anOrder().withItem(sku, 1))
                        .body()
                        .get("id")
                        .asString();
                await().atMost(Eventshop.SETTLE)
                        .until(() -> shop.payments(placed).size() == 1);
                assertThat(shop.cancel(placed).status()).isEqualTo(202);
                shop.awaitOrder(placed, "CANCELLED");
                await().atMost(Eventshop.SETTLE)
                        .until(() -> aws.depth(Aws.queueOf("inventory-service").name()) == 3);

                List<Message> inOrder = takeAll(aws, queueUrl, 3);
                assertThat(inOrder)
                        .extracting(OutOfOrderDeliveryIntegrationTests::eventType)
                        .containsExactly("OrderPlaced", "PaymentAuthorized", "OrderCancellationRequested");
                // Delivered again, the authorization last: it arrives after the order was cancelled.
                List.of(inOrder.get(0), inOrder.get(2), inOrder.get(1))
                        .forEach(message -> resend(aws, queueUrl, message));
                return placed;
            });

            await().atMost(Eventshop.SETTLE).untilAsserted(() -> assertThat(tap.seen())
                    .filteredOn(tapped -> !tapped.fromBus() && tapped.orderId().equals(id))
                    .filteredOn(tapped -> tapped.eventType().equals("StockReservationFailed"))
                    .singleElement()
                    .satisfies(tapped ->
                            assertThat(tapped.envelope().get("data").toString()).contains("order cancelled")));
        }

        assertThat(shop.order(id).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(shop.payments(id)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("REFUNDED"));
        assertThat(shop.product(sku).get("available").asInt()).isEqualTo(available);
        assertThat(system.databases()
                        .count("inventory-service", "select count(*) from reservation where order_id = ?::uuid", id))
                .as("reservations made for the cancelled order")
                .isZero();
        system.invariants().assertHold();
    }

    /** Receives the queue's {@code count} messages (one message group, so they come in order) and deletes them. */
    private static List<Message> takeAll(Aws aws, String queueUrl, int count) {
        List<Message> taken = new ArrayList<>();
        await().atMost(Eventshop.SETTLE).until(() -> {
            for (Message message : aws.sqs
                    .receiveMessage(request -> request.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages()) {
                taken.add(message);
                aws.sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            return taken.size() == count;
        });
        return taken;
    }

    private static void resend(Aws aws, String queueUrl, Message message) {
        aws.sqs.sendMessage(request -> request.queueUrl(queueUrl)
                .messageBody(message.body())
                .messageAttributes(message.messageAttributes())
                .messageGroupId(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .messageDeduplicationId(UUID.randomUUID().toString()));
    }

    private static String eventType(Message message) {
        JsonNode envelope = JSON.readTree(message.body());
        return envelope.get("eventType").asString();
    }
}
