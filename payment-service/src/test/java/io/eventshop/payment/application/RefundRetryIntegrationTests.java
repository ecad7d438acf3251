package io.eventshop.payment.application;

import static io.eventshop.payment.messaging.OrderEvents.anOrderPlaced;
import static io.eventshop.payment.messaging.OrderEvents.stockReservationFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.payment.PaymentRefundFailed;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.messaging.testing.SagaTopic.Published;
import io.eventshop.payment.PaymentServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * A refund the provider refuses is kept and retried with backoff by the {@link RefundRetryJob} until it succeeds; after
 * {@code eventshop.payment.refund-attention-after} (3) failed attempts, PaymentRefundFailed is published once. The
 * card {@code tok_refund_refused} has its refunds refused 3 times, then accepted.
 */
@PaymentServiceIntegrationTest
class RefundRetryIntegrationTests {

    @LocalServerPort
    int port;

    private SagaTopic topic;

    @BeforeEach
    void setUp() {
        topic = new SagaTopic()
                .collecting("PaymentAuthorized", "PaymentDeclined", "PaymentRefunded", "PaymentRefundFailed");
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void aRefusedRefundIsRetriedAndReportedOnceBeforeItSucceeds() {
        EventEnvelope orderPlaced =
                anOrderPlaced().paidWith("tok_refund_refused").envelope();
        UUID orderId = orderPlaced.orderId();
        topic.publish(orderPlaced);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topic.eventTypesFor(orderId).contains("PaymentAuthorized"));
        EventEnvelope stockReservationFailed = stockReservationFailed(orderId);

        topic.publish(stockReservationFailed);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> topic.eventTypesFor(orderId).contains("PaymentRefunded"));
        List<Published> events = topic.publishedFor(orderId);
        assertThat(events)
                .extracting(Published::eventType)
                .containsExactly("PaymentAuthorized", "PaymentRefundFailed", "PaymentRefunded");
        var refundFailed = (PaymentRefundFailed) events.get(1).envelope().data();
        assertThat(refundFailed.attempts()).isEqualTo(3);
        assertThat(refundFailed.reason()).isEqualTo("refund refused by the issuer");
        assertThat(events.get(1).envelope().causationId()).isEqualTo(stockReservationFailed.eventId());
        assertThat(events.get(2).envelope().causationId()).isEqualTo(stockReservationFailed.eventId());

        Map<String, Object> payment = paymentOf(orderId);
        assertThat(payment).containsEntry("status", "REFUNDED");
        assertThat(payment.get("refunds").toString()).contains("status=COMPLETED", "failedAttempts=3");
    }

    private Map<String, Object> paymentOf(UUID orderId) {
        List<Map<String, Object>> payments = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/payments?orderId={orderId}", orderId)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat(payments).hasSize(1);
        return payments.getFirst();
    }
}
