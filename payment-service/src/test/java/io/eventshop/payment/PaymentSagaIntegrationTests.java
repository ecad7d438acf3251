package io.eventshop.payment;

import static io.eventshop.payment.OrderEvents.anOrderPlaced;
import static io.eventshop.payment.OrderEvents.cancellationRequested;
import static io.eventshop.payment.OrderEvents.stockReleased;
import static io.eventshop.payment.OrderEvents.stockReservationFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.payment.SagaTestBus.Published;
import io.eventshop.payment.provider.SimulatedPaymentProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClient;

/** payment-service's part of the saga (docs/saga.md), driven by real events and observed over HTTP and the topic. */
@PaymentServiceIntegrationTest
class PaymentSagaIntegrationTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    SimulatedPaymentProvider provider;

    private SagaTestBus bus;
    private RestClient http;

    @BeforeEach
    void setUp() {
        bus = new SagaTestBus();
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    @Test
    void anOrderPaidWithAGoodCardIsAuthorizedAndPaymentAuthorizedCarriesTheAmount() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();

        bus.publish(orderPlaced);

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

        bus.publish(orderPlaced);

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

        bus.publish(orderPlaced);
        bus.redeliver(orderPlaced);
        bus.publish(cancellationRequested(orderId));

        // The cancellation is behind both copies in the order's message group: once it is refunded, both were handled.
        awaitPublished(orderId, "PaymentRefunded");
        assertThat(bus.eventTypesFor(orderId)).containsExactly("PaymentAuthorized", "PaymentRefunded");
        assertThat(provider.callsWith(orderId.toString())).isEqualTo(1);
        assertThat(payments(orderId)).hasSize(1);
    }

    @Test
    void aFailedStockReservationRefundsTheAuthorizedPaymentOnce() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();
        UUID orderId = orderPlaced.orderId();
        bus.publish(orderPlaced);
        awaitPublished(orderId, "PaymentAuthorized");
        EventEnvelope stockReservationFailed = stockReservationFailed(orderId);

        bus.publish(stockReservationFailed);
        bus.publish(cancellationRequested(orderId));

        var refunded = awaitPublished(orderId, "PaymentRefunded");
        assertThat(refunded.envelope().causationId()).isEqualTo(stockReservationFailed.eventId());
        assertThat(((PaymentRefunded) refunded.envelope().data()).amount()).isEqualByComparingTo("39.98");
        assertThat(refunded.attributes()).containsEntry("amount", "39.98");
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(paymentOf(orderId)).containsEntry("status", "REFUNDED"));
        assertThat(bus.eventTypesFor(orderId)).containsExactly("PaymentAuthorized", "PaymentRefunded");
    }

    @Test
    void releasedStockRefundsTheAuthorizedPayment() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();
        bus.publish(orderPlaced);
        awaitPublished(orderPlaced.orderId(), "PaymentAuthorized");

        bus.publish(stockReleased(orderPlaced.orderId()));

        awaitPublished(orderPlaced.orderId(), "PaymentRefunded");
    }

    @Test
    void aCancellationBeforeTheOrderArrivesLeavesATombstoneThatDeclinesTheOrder() {
        UUID orderId = UUID.randomUUID();

        bus.publish(cancellationRequested(orderId));
        bus.publish(anOrderPlaced().forOrder(orderId).paidWith("tok_visa").envelope());

        var declined = (PaymentDeclined)
                awaitPublished(orderId, "PaymentDeclined").envelope().data();
        assertThat(declined.reason()).isEqualTo("order cancelled");
        assertThat(provider.callsWith(orderId.toString())).isZero();
        assertThat(bus.eventTypesFor(orderId)).containsExactly("PaymentDeclined");
    }

    @Test
    void anUnknownPaymentIsNotFoundNamingItsId() {
        UUID id = UUID.randomUUID();

        var response = http.get().uri("/payments/{id}", id).retrieve().toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().getDetail()).contains(id.toString());
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
    void theApiIsDescribedAndTheProvidersResilienceIsMeasured() {
        assertThat(http.get().uri("/v3/api-docs").retrieve().body(String.class)).contains("/payments/{id}");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains(
                        "resilience4j_circuitbreaker_state{", "resilience4j_retry_calls", "name=\"payment-provider\"");
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

    @Test
    void anOrderWithNoPaymentYetHasAnEmptyList() {
        assertThat(payments(UUID.randomUUID())).isEmpty();
    }

    private Published awaitPublished(UUID orderId, String eventType) {
        return await().atMost(EVENTUALLY)
                .until(
                        () -> bus.publishedFor(orderId).stream()
                                .filter(event -> event.eventType().equals(eventType))
                                .findFirst(),
                        java.util.Optional::isPresent)
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
