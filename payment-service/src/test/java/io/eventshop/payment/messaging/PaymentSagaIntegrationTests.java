package io.eventshop.payment.messaging;

import static io.eventshop.payment.messaging.OrderEvents.anOrderPlaced;
import static io.eventshop.payment.messaging.OrderEvents.cancellationRequested;
import static io.eventshop.payment.messaging.OrderEvents.stockReleased;
import static io.eventshop.payment.messaging.OrderEvents.stockReservationFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.messaging.testing.SagaTopic.Published;
import io.eventshop.payment.PaymentServiceIntegrationTest;
import io.eventshop.payment.integration.SimulatedPaymentProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * payment-service's part of the saga (docs/saga.md), driven by real events on the topic and observed over HTTP and on
 * the topic: what {@code PaymentEventHandlers} runs for each event, and what {@code PaymentEventMapper} publishes.
 */
@PaymentServiceIntegrationTest
class PaymentSagaIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentProvider provider;

    private SagaTopic topic;
    private RestClient http;

    @BeforeEach
    void setUp() {
        topic = new SagaTopic()
                .collecting("PaymentAuthorized", "PaymentDeclined", "PaymentRefunded", "PaymentRefundFailed");
        http = RestClient.create("http://localhost:" + port);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void anOrderWhosePaymentTokenWasSealedForAnotherOrderIsDeadLetteredAtOnceAndNeverCharged() {
        OrderPlaced genuine = anOrderPlaced().paidWith("tok_visa").event();
        UUID otherOrder = UUID.randomUUID();
        OrderPlaced copied = new OrderPlaced(
                otherOrder,
                genuine.customerId(),
                genuine.lines(),
                genuine.totalAmount(),
                genuine.currency(),
                genuine.sealedPaymentToken(),
                genuine.shippingAddress());
        EventEnvelope envelope = OrderEvents.envelope(copied, otherOrder);
        try (var aws = new AwsFixtures(LocalAwsExtension.endpoint())) {
            String deadLetterQueue = aws.queueUrl("payment-service-events-dlq.fifo");

            topic.publish(envelope);

            Message dead = await().atMost(EVENTUALLY)
                    .until(
                            () -> aws.receiveAvailable(deadLetterQueue).stream()
                                    .filter(message -> message.body()
                                            .contains(envelope.eventId().toString()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(dead.messageAttributes().get("eventshop.failure.reason").stringValue())
                    .startsWith("the sealed value does not open");
            assertThat(provider.callsWith(otherOrder.toString())).isZero();
            assertThat(topic.eventTypesFor(otherOrder)).isEmpty();
        }
    }

    @Test
    void anOrderPaidWithAGoodCardIsAuthorizedAndPaymentAuthorizedCarriesTheAmount() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();

        topic.publish(orderPlaced);

        Published authorized = awaitPublished(orderPlaced.orderId(), "PaymentAuthorized");
        var event = (PaymentAuthorized) authorized.envelope().data();
        assertThat(event.amount()).isEqualByComparingTo("39.98");
        assertThat(authorized.attributes()).containsEntry("amount", "39.98").containsEntry("source", "payment-service");
        assertThat(authorized.envelope().causationId()).isEqualTo(orderPlaced.eventId());
        assertThat(authorized.envelope().correlationId()).isEqualTo(orderPlaced.correlationId());

        Map<String, Object> payment = paymentOf(orderPlaced.orderId());
        assertThat(payment)
                .containsEntry("status", "AUTHORIZED")
                .containsEntry("amount", 39.98)
                .containsEntry("currency", "EUR");
        assertThat(get("/payments/" + payment.get("id")))
                .containsEntry("id", event.paymentId().toString());
    }

    @Test
    void anOrderPaidWithADeclinedCardIsDeclinedWithTheProvidersReason() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_declined").envelope();

        topic.publish(orderPlaced);

        var declined = (PaymentDeclined) awaitPublished(orderPlaced.orderId(), "PaymentDeclined")
                .envelope()
                .data();
        assertThat(declined.reason()).isEqualTo("card declined");
        assertThat(paymentOf(orderPlaced.orderId()))
                .containsEntry("status", "DECLINED")
                .containsEntry("declineReason", "card declined");
    }

    @Test
    void anOrderPlacedDeliveredTwiceIsChargedOnce() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();
        UUID orderId = orderPlaced.orderId();

        topic.publish(orderPlaced);
        topic.republish(orderPlaced);
        topic.publish(cancellationRequested(orderId));

        // The cancellation is behind both copies in the order's message group: once it is refunded, both were handled.
        awaitPublished(orderId, "PaymentRefunded");
        assertThat(topic.eventTypesFor(orderId)).containsExactly("PaymentAuthorized", "PaymentRefunded");
        assertThat(provider.callsWith(orderId.toString())).isEqualTo(1);
        assertThat(payments(orderId)).hasSize(1);
    }

    @Test
    void aFailedStockReservationRefundsTheAuthorizedPaymentOnce() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();
        UUID orderId = orderPlaced.orderId();
        topic.publish(orderPlaced);
        awaitPublished(orderId, "PaymentAuthorized");
        EventEnvelope stockReservationFailed = stockReservationFailed(orderId);

        topic.publish(stockReservationFailed);
        topic.publish(cancellationRequested(orderId));

        var refunded = awaitPublished(orderId, "PaymentRefunded");
        assertThat(refunded.envelope().causationId()).isEqualTo(stockReservationFailed.eventId());
        assertThat(refunded.envelope().correlationId()).isEqualTo(stockReservationFailed.correlationId());
        assertThat(((PaymentRefunded) refunded.envelope().data()).amount()).isEqualByComparingTo("39.98");
        assertThat(refunded.attributes()).containsEntry("amount", "39.98");
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(paymentOf(orderId)).containsEntry("status", "REFUNDED"));
        assertThat(topic.eventTypesFor(orderId)).containsExactly("PaymentAuthorized", "PaymentRefunded");
    }

    @Test
    void releasedStockRefundsTheAuthorizedPayment() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();
        topic.publish(orderPlaced);
        awaitPublished(orderPlaced.orderId(), "PaymentAuthorized");

        topic.publish(stockReleased(orderPlaced.orderId()));

        awaitPublished(orderPlaced.orderId(), "PaymentRefunded");
    }

    @Test
    void aCancellationBeforeTheOrderArrivesLeavesATombstoneThatDeclinesTheOrder() {
        UUID orderId = UUID.randomUUID();

        topic.publish(cancellationRequested(orderId));
        topic.publish(anOrderPlaced().forOrder(orderId).paidWith("tok_visa").envelope());

        var declined = (PaymentDeclined)
                awaitPublished(orderId, "PaymentDeclined").envelope().data();
        assertThat(declined.reason()).isEqualTo("order cancelled");
        assertThat(provider.callsWith(orderId.toString())).isZero();
        assertThat(topic.eventTypesFor(orderId)).containsExactly("PaymentDeclined");
    }

    private Published awaitPublished(UUID orderId, String eventType) {
        return await().atMost(EVENTUALLY)
                .until(
                        () -> topic.publishedFor(orderId).stream()
                                .filter(event -> event.eventType().equals(eventType))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private Map<String, Object> paymentOf(UUID orderId) {
        List<Map<String, Object>> payments = payments(orderId);
        assertThat(payments).hasSize(1);
        return payments.getFirst();
    }

    private List<Map<String, Object>> payments(UUID orderId) {
        return http.get()
                .uri("/payments?orderId={orderId}", orderId)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
    }

    private Map<String, Object> get(String path) {
        return http.get().uri(path).retrieve().body(new ParameterizedTypeReference<>() {});
    }
}
