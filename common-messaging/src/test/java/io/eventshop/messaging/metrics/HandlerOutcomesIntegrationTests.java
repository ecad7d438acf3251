package io.eventshop.messaging.metrics;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static io.eventshop.messaging.testing.TestEvents.priceChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.messaging.listener.UnprocessableMessageException;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eventshop.messages.handled}: each message the listener takes counts once, under its event type and what
 * became of it.
 */
@MessagingIntegrationTest(
        properties = {
            "eventshop.messaging.service-name=inventory-service",
            "eventshop.messaging.relay.enabled=false",
            "eventshop.messaging.listener.queue=" + HandlerOutcomesIntegrationTests.QUEUE,
            "eventshop.messaging.listener.poll-timeout=1s",
            "eventshop.messaging.listener.retry-initial-visibility=1s",
            "eventshop.messaging.listener.retry-max-visibility=2s"
        })
@DirtiesContext
class HandlerOutcomesIntegrationTests {

    static final String QUEUE = "outcome-events";

    private static final String UNPROCESSABLE_CUSTOMER = "c-unprocessable";
    /** The events whose handler has failed once already: it fails at the first attempt only. */
    private static final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();

    private static AwsFixtures aws;
    private static String queueUrl;

    @Autowired
    MeterRegistry meters;

    private final EventJson json = new EventJson();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        queueUrl = aws.queueWithDeadLetterQueue(QUEUE, 3, 5);
    }

    @AfterEach
    void queueIsDrained() {
        await().atMost(Duration.ofSeconds(20)).until(() -> aws.messagesIn(queueUrl) == 0);
    }

    @Test
    void aHandledEventAndItsRedeliveryCountAsHandledAndDuplicate() {
        double handled = handled("PaymentAuthorized", "handled");
        double duplicate = handled("PaymentAuthorized", "duplicate");
        double inboxDuplicates = meters.counter("eventshop.inbox.duplicates", "consumer", "inventory-service")
                .count();
        EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));

        send(json.write(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> handled("PaymentAuthorized", "handled") == handled + 1);
        send(json.write(event));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled("PaymentAuthorized", "duplicate") == duplicate + 1);
        assertThat(handled("PaymentAuthorized", "handled")).isEqualTo(handled + 1);
        assertThat(meters.counter("eventshop.inbox.duplicates", "consumer", "inventory-service")
                        .count())
                .as("the inbox's own counter, which the saga benchmark reads")
                .isEqualTo(inboxDuplicates + 1);
    }

    @Test
    void aHandlerThatThrowsOnceCountsAsRetriedAndThenAsHandled() {
        double retried = handled("PaymentDeclined", "retried");
        double handled = handled("PaymentDeclined", "handled");
        EventEnvelope event = envelope(declined());
        // As EventBridge delivers it: no eventType attribute, the type in the body's detail-type.
        ObjectNode routed = mapper.createObjectNode()
                .put("version", "0")
                .put("detail-type", "PaymentDeclined")
                .put("source", "eventshop.payment-service");
        routed.set("detail", mapper.readTree(json.write(event)));

        send(mapper.writeValueAsString(routed));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled("PaymentDeclined", "handled") == handled + 1);
        assertThat(handled("PaymentDeclined", "retried")).isEqualTo(retried + 1);
    }

    @Test
    void messagesSentToTheDeadLetterQueueCountAsDeadLetteredUnderTheirTypeOrAsUnknown() {
        double refused = handled("PaymentAuthorized", "dead_lettered");
        double unhandled = handled("ProductPriceChanged", "dead_lettered");
        double unreadable = handled(HandlerOutcomes.UNKNOWN_EVENT_TYPE, "dead_lettered");
        double handled = handled("PaymentAuthorized", "handled");

        send(json.write(envelope(new PaymentAuthorized(
                UUID.randomUUID(), UUID.randomUUID(), UNPROCESSABLE_CUSTOMER, BigDecimal.ONE, "EUR"))));
        sendWithType(json.write(envelope(priceChanged("SKU-1"))), "ProductPriceChanged");
        send("{\"eventType\": \"PaymentAuthorized\", \"broken\"");
        sendWithType("{\"eventType\": \"OrderTeleported\"}", "OrderTeleported");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(handled("PaymentAuthorized", "dead_lettered")).isEqualTo(refused + 1);
            assertThat(handled("ProductPriceChanged", "dead_lettered")).isEqualTo(unhandled + 1);
            assertThat(handled(HandlerOutcomes.UNKNOWN_EVENT_TYPE, "dead_lettered"))
                    .as("an unreadable body, and a type no service knows")
                    .isEqualTo(unreadable + 2);
        });
        assertThat(handled("PaymentAuthorized", "handled"))
                .as("the refused event")
                .isEqualTo(handled);
        assertThat(meters.find(HandlerOutcomes.METER).counters())
                .allSatisfy(counter -> assertThat(counter.getId().getTags())
                        .extracting(tag -> tag.getKey())
                        .containsExactlyInAnyOrder("event_type", "outcome"));
        aws.sqs().purgeQueue(request -> request.queueUrl(aws.queueUrl(QUEUE + "-dlq")));
    }

    private double handled(String eventType, String outcome) {
        Counter counter = meters.find(HandlerOutcomes.METER)
                .tags("event_type", eventType, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void send(String body) {
        aws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }

    private void sendWithType(String body, String eventType) {
        aws.sqs().sendMessage(request -> request.queueUrl(queueUrl)
                .messageBody(body)
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(eventType)
                                .build())));
    }

    private static PaymentDeclined declined() {
        return new PaymentDeclined(
                UUID.randomUUID(), UUID.randomUUID(), "c-42", BigDecimal.ONE, "EUR", "insufficient funds");
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        EventHandlers eventHandlers() {
            return new EventHandlers()
                    .on(PaymentAuthorized.class, (event, envelope) -> {
                        if (event.customerId().equals(UNPROCESSABLE_CUSTOMER)) {
                            throw new UnprocessableMessageException("refused by the test");
                        }
                    })
                    .on(PaymentDeclined.class, (event, envelope) -> {
                        if (failedOnce.add(envelope.eventId())) {
                            throw new IllegalStateException("fails at the first attempt");
                        }
                    });
        }
    }
}
