package io.eventshop.messaging.listener;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static io.eventshop.messaging.testing.TestEvents.priceChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@MessagingIntegrationTest(
        properties = {
            "eventshop.messaging.service-name=inventory-service",
            "eventshop.messaging.relay.enabled=false",
            "eventshop.messaging.listener.queue=listener-events",
            "eventshop.messaging.listener.poll-timeout=1s",
            "eventshop.messaging.listener.retry-initial-visibility=1s",
            "eventshop.messaging.listener.retry-max-visibility=2s"
        })
@DirtiesContext
class EventListenerIntegrationTests {

    private static final String FAILING_CUSTOMER = "c-always-fails";
    private static final String UNPROCESSABLE_CUSTOMER = "c-unprocessable";
    private static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private static AwsFixtures aws;
    private static String queue;
    private static String deadLetterQueue;

    @Autowired
    JdbcClient jdbc;

    private final EventJson json = new EventJson();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        queue = aws.queueWithDeadLetterQueue("listener-events", 3, 5);
        deadLetterQueue = aws.queueUrl("listener-events-dlq");
    }

    @Test
    void rawSnsDeliveriesSnsNotificationsAndEventBridgeEventsAreAllHandled() {
        EventEnvelope raw = envelope(paymentAuthorized(UUID.randomUUID()));
        EventEnvelope notified = envelope(paymentAuthorized(UUID.randomUUID()));
        EventEnvelope routed = envelope(paymentAuthorized(UUID.randomUUID()));

        send(json.write(raw));
        send(mapper.writeValueAsString(mapper.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", UUID.randomUUID().toString())
                .put("Message", json.write(notified))));
        ObjectNode eventBridgeEvent = mapper.createObjectNode()
                .put("version", "0")
                .put("detail-type", "PaymentAuthorized")
                .put("source", "eventshop.payment-service");
        eventBridgeEvent.set("detail", mapper.readTree(json.write(routed)));
        send(mapper.writeValueAsString(eventBridgeEvent));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(handled(raw) + handled(notified) + handled(routed))
                        .isEqualTo(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> aws.messagesIn(queue) == 0);
    }

    @Test
    void aRedeliveredEventHasItsEffectOnce() {
        EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));

        send(json.write(event));
        send(json.write(event));
        send(json.write(event));

        await().atMost(Duration.ofSeconds(20)).until(() -> aws.messagesIn(queue) == 0);
        assertThat(handled(event)).isEqualTo(1);
    }

    @Test
    void aHandlerThatKeepsThrowingIsRetriedAndItsMessageEndsInTheDeadLetterQueue() {
        EventEnvelope event = envelope(new PaymentAuthorized(
                UUID.randomUUID(), UUID.randomUUID(), FAILING_CUSTOMER, new BigDecimal("10.00"), "EUR"));

        send(json.write(event));

        Message dead = await().atMost(Duration.ofSeconds(40))
                .until(() -> aws.receiveAvailable(deadLetterQueue), messages -> !messages.isEmpty())
                .getFirst();
        assertThat(dead.body()).isEqualTo(json.write(event));
        assertThat(attempts.get(event.eventId())).hasValue(3);
        assertThat(handled(event)).isZero();
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterQueueAtOnceWithItsReason() {
        send("{\"eventType\": \"PaymentAuthorized\", \"broken\"");

        Message dead = aws.receive(deadLetterQueue, 1).getFirst();

        assertThat(dead.body()).isEqualTo("{\"eventType\": \"PaymentAuthorized\", \"broken\"");
        assertThat(dead.messageAttributes().get(DeadLetters.REASON).stringValue())
                .startsWith("not JSON");
        assertThat(dead.messageAttributes().get(DeadLetters.SOURCE_QUEUE).stringValue())
                .isEqualTo("listener-events");
        await().atMost(Duration.ofSeconds(10)).until(() -> aws.messagesIn(queue) == 0);
    }

    @Test
    void aMessageItsHandlerCallsUnprocessableGoesToTheDeadLetterQueueAtOnceWithItsReason() {
        EventEnvelope event = envelope(new PaymentAuthorized(
                UUID.randomUUID(), UUID.randomUUID(), UNPROCESSABLE_CUSTOMER, new BigDecimal("10.00"), "EUR"));

        send(json.write(event));

        Message dead = aws.receive(deadLetterQueue, 1).getFirst();
        assertThat(dead.body()).isEqualTo(json.write(event));
        assertThat(dead.messageAttributes().get(DeadLetters.REASON).stringValue())
                .isEqualTo("the sealed value does not open: it was sealed under another secret");
        assertThat(attempts.get(event.eventId())).hasValue(1);
        assertThat(handled(event)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> aws.messagesIn(queue) == 0);
    }

    @Test
    void anEventThisServiceDoesNotHandleGoesToTheDeadLetterQueue() {
        EventEnvelope unhandled = envelope(priceChanged("SKU-1"));

        sendWithAttribute(json.write(unhandled), "eventType", "ProductPriceChanged");

        Message dead = aws.receive(deadLetterQueue, 1).getFirst();
        assertThat(dead.messageAttributes().get(DeadLetters.REASON).stringValue())
                .isEqualTo("no handler for event type ProductPriceChanged in inventory-service");
        assertThat(dead.messageAttributes().get("eventType").stringValue()).isEqualTo("ProductPriceChanged");
    }

    private void send(String body) {
        aws.sqs().sendMessage(request -> request.queueUrl(queue).messageBody(body));
    }

    private void sendWithAttribute(String body, String name, String value) {
        aws.sqs().sendMessage(request -> request.queueUrl(queue)
                .messageBody(body)
                .messageAttributes(Map.of(
                        name,
                        software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(value)
                                .build())));
    }

    private int handled(EventEnvelope event) {
        return jdbc.sql("select count(*) from reserved where event_id = ?")
                .param(event.eventId())
                .query(Integer.class)
                .single();
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        EventHandlers eventHandlers(JdbcClient jdbc) {
            jdbc.sql("create table reserved (event_id uuid not null)").update();
            return new EventHandlers().on(PaymentAuthorized.class, (event, envelope) -> {
                attempts.computeIfAbsent(envelope.eventId(), id -> new AtomicInteger())
                        .incrementAndGet();
                jdbc.sql("insert into reserved (event_id) values (?)")
                        .param(envelope.eventId())
                        .update();
                if (event.customerId().equals(FAILING_CUSTOMER)) {
                    throw new IllegalStateException("stock service unavailable");
                }
                if (event.customerId().equals(UNPROCESSABLE_CUSTOMER)) {
                    throw new UnprocessableMessageException(
                            "the sealed value does not open: it was sealed under another secret");
                }
            });
        }
    }
}
