package io.eventshop.messaging.outbox;

import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static io.eventshop.messaging.testing.TestEvents.priceChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import io.eventshop.messaging.testing.TestEvents;
import io.eventshop.messaging.tracing.RecordedSpans;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MessagingIntegrationTest(
        properties = {
            "eventshop.messaging.service-name=payment-service",
            "eventshop.messaging.topic=publishing-events.fifo",
            "eventshop.messaging.event-bus=publishing-bus",
            "management.tracing.sampling.probability=1.0"
        })
@DirtiesContext
class OutboxPublishingIntegrationTests {

    private static AwsFixtures aws;
    private static String snsQueue;
    private static String eventBridgeQueue;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tracer tracer;

    @Autowired
    RecordedSpans spans;

    private final EventJson json = new EventJson();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        String topic = aws.fifoTopic("publishing-events.fifo");
        snsQueue = aws.fifoQueue("publishing-sns.fifo");
        aws.subscribeRaw(topic, snsQueue);
        eventBridgeQueue = aws.queue("publishing-eventbridge", java.util.Map.of());
        aws.busToQueue("publishing-bus", "eventshop.payment-service", eventBridgeQueue);
    }

    @Test
    void aTransactionThatRollsBackPublishesNothing() {
        UUID orderId = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            outbox.add(paymentAuthorized(orderId), UUID.randomUUID(), null);
            status.setRollbackOnly();
        });
        // A later commit is published; the rolled-back event must not come before or with it.
        EventEnvelope committed = commit(paymentAuthorized(UUID.randomUUID()));

        List<Message> viaSns = aws.receive(snsQueue, 1);
        List<Message> viaEventBridge = aws.receive(eventBridgeQueue, 1);

        assertThat(viaSns).extracting(Message::body).containsExactly(json.write(committed));
        assertThat(viaEventBridge).hasSize(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where attributes->>'orderId' = ?")
                        .param(orderId.toString())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anEventIsStampedWhenItsRowIsWrittenNotWhenItsTransactionBegan() {
        record Stamps(Instant transactionBegan, Instant written) {}

        Stamps stamps = transaction.execute(status -> {
            Instant began =
                    jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
            EventEnvelope added = outbox.add(paymentAuthorized(UUID.randomUUID()), UUID.randomUUID(), null);
            Instant written = jdbc.sql("select created_at from outbox_event where event_id = ?")
                    .param(added.eventId())
                    .query(Timestamp.class)
                    .single()
                    .toInstant();
            return new Stamps(began, written);
        });

        assertThat(stamps.written()).isAfter(stamps.transactionBegan());
    }

    @Test
    void anEventAddedWhileAnotherIsHandledContinuesItsSagaAndOneAddedOutsideStartsASagaOfItsOrder() {
        EventEnvelope handled = TestEvents.envelope(paymentAuthorized(UUID.randomUUID()));
        UUID otherOrder = UUID.randomUUID();
        List<EventEnvelope> added = new java.util.ArrayList<>();

        transaction.executeWithoutResult(status -> {
            Outbox.handling(handled, () -> added.add(outbox.add(paymentAuthorized(handled.orderId()))));
            added.add(outbox.add(paymentAuthorized(otherOrder)));
        });

        assertThat(added.get(0).correlationId()).isEqualTo(handled.correlationId());
        assertThat(added.get(0).causationId()).isEqualTo(handled.eventId());
        assertThat(added.get(1).correlationId()).isEqualTo(otherOrder);
        assertThat(added.get(1).causationId()).isNull();
    }

    @Test
    void aCommittedEventIsPublishedToSnsWithItsGroupDeduplicationIdAndAttributes() {
        Span span = tracer.nextSpan().name("place order").start();
        EventEnvelope event;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            event = commit(paymentAuthorized(UUID.randomUUID(), new BigDecimal("120.50")));
        } finally {
            span.end();
        }

        Message message = aws.receive(snsQueue, 1).getFirst();

        assertThat(message.body()).isEqualTo(json.write(event));
        assertThat(message.attributes())
                .containsEntry(
                        MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        event.orderId().toString())
                .containsEntry(
                        MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID,
                        event.eventId().toString());
        assertThat(message.messageAttributes().get("eventType").stringValue()).isEqualTo("PaymentAuthorized");
        assertThat(message.messageAttributes().get("source").stringValue()).isEqualTo("payment-service");
        assertThat(message.messageAttributes().get("orderId").stringValue())
                .isEqualTo(event.orderId().toString());
        assertThat(message.messageAttributes().get("amount").dataType()).isEqualTo("Number");
        assertThat(message.messageAttributes().get("amount").stringValue()).isEqualTo("120.50");
        assertThat(message.messageAttributes())
                .as("what SQS counts against its limit of 10")
                .containsOnlyKeys("eventType", "source", "orderId", "amount", "traceparent");
        SpanData publication =
                spans.named(message.messageAttributes().get("traceparent").stringValue());
        assertThat(publication.getName()).isEqualTo("publish PaymentAuthorized");
        assertThat(publication.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publication.getAttributes().get(AttributeKey.stringKey("peer.service")))
                .isEqualTo("sns");
        assertThat(publication.getParentSpanId())
                .as("the publish span continues the transaction that wrote the event")
                .isEqualTo(span.context().spanId());
        assertThat(publication.getTraceId()).isEqualTo(span.context().traceId());
    }

    @Test
    void aCommittedEventIsPutOnTheBusWithItsSourceTypeAndEnvelope() {
        EventEnvelope event = commit(priceChanged("SKU-" + UUID.randomUUID()));

        Message message = aws.receive(eventBridgeQueue, 1).getFirst();
        JsonNode delivered = mapper.readTree(message.body());

        assertThat(delivered.get("source").asString()).isEqualTo("eventshop.payment-service");
        assertThat(delivered.get("detail-type").asString()).isEqualTo("ProductPriceChanged");
        assertThat(json.read(mapper.writeValueAsString(delivered.get("detail"))))
                .isEqualTo(event);
        SpanData onTheBus =
                spans.named(delivered.get("detail").get("traceparent").asString());
        assertThat(onTheBus.getAttributes().get(AttributeKey.stringKey("peer.service")))
                .isEqualTo("eventbridge");
        assertThat(onTheBus.getParentSpanContext().isValid())
                .as("an event written outside any trace starts one when it is published")
                .isFalse();
        Message viaSns = aws.receive(snsQueue, 1).getFirst();
        assertThat(viaSns.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, event.orderingKey());
        assertThat(viaSns.messageAttributes()).doesNotContainKey("orderId");
        assertThat(spans.named(viaSns.messageAttributes().get("traceparent").stringValue())
                        .getTraceId())
                .as("each destination's publish span starts a trace of its own")
                .isNotEqualTo(onTheBus.getTraceId());
    }

    @Test
    void publishedEventsAreMarkedPerDestination() {
        EventEnvelope event = commit(paymentAuthorized(UUID.randomUUID()));
        aws.receive(snsQueue, 1);
        aws.receive(eventBridgeQueue, 1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("""
                                select count(*) from outbox_event where event_id = ?
                                and sns_published_at is not null and events_published_at is not null and attempts = 0
                                """)
                                .param(event.eventId())
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    @Test
    void addingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.add(paymentAuthorized(UUID.randomUUID()), UUID.randomUUID(), null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private EventEnvelope commit(io.eventshop.events.IntegrationEvent event) {
        return transaction.execute(status -> outbox.add(event, UUID.randomUUID(), null));
    }

    @TestConfiguration
    static class Tracing {
        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }
}
