package io.eventshop.payment.integration;

import static io.eventshop.payment.messaging.OrderEvents.anOrderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.payment.PaymentServiceIntegrationTest;
import io.eventshop.payment.application.PaymentProvider;
import io.eventshop.payment.application.PaymentProvider.Authorization;
import io.eventshop.payment.application.Payments;
import io.eventshop.payment.application.ProviderUnavailableException;
import io.eventshop.payment.domain.Money;
import io.eventshop.payment.domain.OrderId;
import io.eventshop.payment.messaging.OrderEvents;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Calls to the provider go through resilience4j (the starter's instances named payment-provider, set here to small
 * numbers): transient failures are retried, repeated failures open the circuit, which closes again once the provider
 * answers; an event whose provider call keeps failing is never acknowledged; and a refund the provider cannot take is
 * kept and retried.
 */
@PaymentServiceIntegrationTest
@TestPropertySource(
        properties = {
            "resilience4j.retry.instances.payment-provider.max-attempts=2",
            "resilience4j.retry.instances.payment-provider.wait-duration=20ms",
            "resilience4j.circuitbreaker.instances.payment-provider.sliding-window-size=4",
            "resilience4j.circuitbreaker.instances.payment-provider.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.instances.payment-provider.failure-rate-threshold=50",
            "resilience4j.circuitbreaker.instances.payment-provider.wait-duration-in-open-state=1s",
            "resilience4j.circuitbreaker.instances.payment-provider.permitted-number-of-calls-in-half-open-state=1"
        })
@DirtiesContext // its provider settings are its own: close it, with its listener, once the class is done
class ProviderResilienceIntegrationTests {

    private static final String[] PAYMENT_EVENTS = {
        "PaymentAuthorized", "PaymentDeclined", "PaymentRefunded", "PaymentRefundFailed"
    };

    private static final Money AMOUNT = new Money(new BigDecimal("39.98"), "EUR");

    @Autowired
    PaymentProvider provider;

    @Autowired
    SimulatedPaymentProvider simulated;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Payments payments;

    private CircuitBreaker circuitBreaker;

    @BeforeEach
    void closeTheCircuit() {
        circuitBreaker = circuitBreakers.circuitBreaker("payment-provider");
        circuitBreaker.reset();
    }

    @Test
    void aTransientFailureIsRetriedWithTheSameIdempotencyKey() {
        String orderId = UUID.randomUUID().toString();

        assertThatExceptionOfType(ProviderUnavailableException.class)
                .isThrownBy(() -> provider.authorize(orderId, "tok_processing_error", AMOUNT));

        assertThat(simulated.callsWith(orderId)).isEqualTo(2);
    }

    @Test
    void aDeclineIsAnAnswerAndIsNotRetried() {
        String orderId = UUID.randomUUID().toString();

        assertThat(provider.authorize(orderId, "tok_declined", AMOUNT)).isInstanceOf(Authorization.Declined.class);

        assertThat(simulated.callsWith(orderId)).isEqualTo(1);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndAnAnsweringProviderClosesIt() {
        openTheCircuit();
        assertThat(stateGauge("open")).isEqualTo(1.0);

        String rejected = UUID.randomUUID().toString();
        assertThatExceptionOfType(ProviderUnavailableException.class)
                .isThrownBy(() -> provider.authorize(rejected, "tok_visa", AMOUNT))
                .withCauseInstanceOf(CallNotPermittedException.class);
        assertThat(simulated.callsWith(rejected)).isZero();

        await().atMost(Duration.ofSeconds(5)).until(() -> circuitBreaker.getState() == CircuitBreaker.State.HALF_OPEN);
        assertThat(provider.authorize(UUID.randomUUID().toString(), "tok_visa", AMOUNT))
                .isInstanceOf(Authorization.Approved.class);
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(stateGauge("closed")).isEqualTo(1.0);
    }

    @Test
    void anOrderWhoseProviderCallKeepsFailingIsRetriedThenDeadLetteredNeverAcknowledged() {
        EventEnvelope orderPlaced =
                anOrderPlaced().paidWith("tok_processing_error").envelope();
        try (var topic = new SagaTopic().collecting(PAYMENT_EVENTS);
                var aws = new AwsFixtures(LocalAwsExtension.endpoint())) {
            String deadLetterQueue = aws.queueUrl("payment-service-events-dlq.fifo");

            topic.publish(orderPlaced);

            var deadLettered = await().atMost(Duration.ofSeconds(30))
                    .until(() -> aws.receiveAvailable(deadLetterQueue), messages -> !messages.isEmpty());
            assertThat(deadLettered.getFirst().body())
                    .contains(orderPlaced.eventId().toString());
            assertThat(simulated.callsWith(orderPlaced.orderId().toString())).isGreaterThanOrEqualTo(2);
            assertThat(payments.findByOrderId(new OrderId(orderPlaced.orderId())))
                    .isEmpty();
            assertThat(topic.eventTypesFor(orderPlaced.orderId())).isEmpty();
        }
    }

    @Test
    void aRefundTheProviderCannotTakeIsKeptAndRetriedUntilItSucceeds() {
        EventEnvelope orderPlaced = anOrderPlaced().paidWith("tok_visa").envelope();
        UUID orderId = orderPlaced.orderId();
        try (var topic = new SagaTopic().collecting(PAYMENT_EVENTS)) {
            topic.publish(orderPlaced);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> topic.eventTypesFor(orderId).contains("PaymentAuthorized"));
            openTheCircuit();

            topic.publish(OrderEvents.stockReservationFailed(orderId));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> topic.eventTypesFor(orderId).contains("PaymentRefunded"));
            var refund = payments.findByOrderId(new OrderId(orderId))
                    .orElseThrow()
                    .refund()
                    .orElseThrow();
            assertThat(refund.failedAttempts()).isPositive();
            assertThat(refund.lastFailure()).startsWith("provider unavailable");
        }
    }

    private void openTheCircuit() {
        for (int call = 0; call < 2; call++) {
            assertThatExceptionOfType(ProviderUnavailableException.class)
                    .isThrownBy(() -> provider.authorize(UUID.randomUUID().toString(), "tok_processing_error", AMOUNT));
        }
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private double stateGauge(String state) {
        return meters.get("resilience4j.circuitbreaker.state")
                .tag("name", "payment-provider")
                .tag("state", state)
                .gauge()
                .value();
    }
}
