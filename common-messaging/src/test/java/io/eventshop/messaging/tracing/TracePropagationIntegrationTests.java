package io.eventshop.messaging.tracing;

import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static io.eventshop.messaging.testing.TestEvents.priceChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventJson;
import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import io.eventshop.messaging.testing.TestEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trace context across every hop, with Spring Boot's tracer (Micrometer Tracing on OpenTelemetry) as the services
 * run it: a "request" writes PaymentAuthorized to the outbox; the relay publishes it to the SNS topic, which delivers
 * it to this service's queue with raw delivery; its handler adds ProductPriceChanged to the outbox, which the relay
 * puts on the bus, whose rule delivers it to the same queue as an EventBridge event. Every span of the chain must be
 * in the request's trace, each the child of the one before.
 */
@MessagingIntegrationTest(
        properties = {
            "eventshop.messaging.service-name=payment-service",
            "eventshop.messaging.topic=tracing-events.fifo",
            "eventshop.messaging.event-bus=tracing-bus",
            "eventshop.messaging.listener.queue=tracing-events",
            "eventshop.messaging.listener.poll-timeout=1s",
            "management.tracing.sampling.probability=1.0"
        })
@DirtiesContext
class TracePropagationIntegrationTests {

    private static final AttributeKey<String> ORDERING_KEY = AttributeKey.stringKey(MessageTracing.Tags.ORDERING_KEY);
    private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey(MessageTracing.Tags.ORDER_ID);
    private static final AttributeKey<String> QUEUE = AttributeKey.stringKey("messaging.source.name");

    private static AwsFixtures aws;
    private static String queue;

    @Autowired
    Tracer tracer;

    @Autowired
    RecordedSpans spans;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        queue = aws.queueWithDeadLetterQueue("tracing-events", 3, 5);
        String topic = aws.fifoTopic("tracing-events.fifo");
        aws.sns().subscribe(request -> request.topicArn(topic)
                .protocol("sqs")
                .endpoint(aws.arnOf(queue))
                .attributes(Map.of(
                        "RawMessageDelivery", "true",
                        "FilterPolicy", "{\"eventType\":[\"PaymentAuthorized\"]}")));
        aws.events().createEventBus(request -> request.name("tracing-bus"));
        aws.events().putRule(request -> request.name("prices-to-queue")
                .eventBusName("tracing-bus")
                .eventPattern("{\"detail-type\":[\"ProductPriceChanged\"]}"));
        aws.events().putTargets(request -> request.rule("prices-to-queue")
                .eventBusName("tracing-bus")
                .targets(target -> target.id("queue").arn(aws.arnOf(queue))));
    }

    @Test
    void oneTraceRunsFromTheRequestThroughSnsTheHandlerItsOutboxRowAndEventBridgeToTheNextHandler() {
        UUID orderId = UUID.randomUUID();
        Span request = tracer.nextSpan().name("POST /orders").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transaction.executeWithoutResult(status -> outbox.add(paymentAuthorized(orderId), orderId, null));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        SpanData publishedToSns = spans.awaitOne(
                span -> span.getKind() == SpanKind.PRODUCER
                        && orderId.toString().equals(span.getAttributes().get(ORDERING_KEY))
                        && "sns".equals(span.getAttributes().get(RecordedSpans.PEER_SERVICE)),
                "the publish span of PaymentAuthorized on SNS");
        assertThat(publishedToSns.getTraceId()).isEqualTo(traceId);
        assertThat(publishedToSns.getParentSpanId())
                .as("the relay's publish span is a child of the transaction that wrote the row")
                .isEqualTo(request.context().spanId());

        SpanData handled = spans.awaitOne(
                span -> span.getKind() == SpanKind.CONSUMER
                        && orderId.toString().equals(span.getAttributes().get(ORDER_ID)),
                "the handling span of PaymentAuthorized");
        assertThat(handled.getName()).isEqualTo("handle PaymentAuthorized");
        assertThat(RecordedSpans.eventType(handled)).isEqualTo("PaymentAuthorized");
        assertThat(handled.getAttributes().get(QUEUE)).isEqualTo("tracing-events");
        assertThat(handled.getTraceId()).isEqualTo(traceId);
        assertThat(handled.getParentSpanId())
                .as("the handling span is a child of the publish span, from the SQS message attribute")
                .isEqualTo(publishedToSns.getSpanId());

        String sku = skuOf(orderId);
        TraceParent rowContext = TraceParent.parse(
                        jdbc.sql("select attributes->>'traceparent' from outbox_event where ordering_key = ?")
                                .param(sku)
                                .query(String.class)
                                .single())
                .orElseThrow();
        assertThat(rowContext.traceId()).isEqualTo(traceId);
        assertThat(rowContext.spanId())
                .as("the event the handler wrote keeps the handling span's context")
                .isEqualTo(handled.getSpanId());

        SpanData publishedToBus = spans.awaitOne(
                span -> span.getKind() == SpanKind.PRODUCER
                        && sku.equals(span.getAttributes().get(ORDERING_KEY))
                        && "eventbridge".equals(span.getAttributes().get(RecordedSpans.PEER_SERVICE)),
                "the publish span of ProductPriceChanged on EventBridge");
        assertThat(publishedToBus.getTraceId()).isEqualTo(traceId);
        assertThat(publishedToBus.getParentSpanId()).isEqualTo(handled.getSpanId());

        SpanData handledFromBus = spans.awaitOne(
                span -> span.getKind() == SpanKind.CONSUMER
                        && span.getTraceId().equals(traceId)
                        && "ProductPriceChanged".equals(RecordedSpans.eventType(span)),
                "the handling span of ProductPriceChanged, delivered by the bus's rule");
        assertThat(handledFromBus.getParentSpanId())
                .as("the handling span is a child of the publish span, from the envelope in the EventBridge event")
                .isEqualTo(publishedToBus.getSpanId());
    }

    @Test
    void aMessageWithoutATraceContextIsHandledInATraceOfItsOwn() {
        UUID orderId = UUID.randomUUID();
        aws.sqs().sendMessage(request -> request.queueUrl(queue)
                .messageBody(new EventJson().write(TestEvents.envelope(paymentAuthorized(orderId)))));

        SpanData handled = spans.awaitOne(
                span -> span.getKind() == SpanKind.CONSUMER
                        && orderId.toString().equals(span.getAttributes().get(ORDER_ID)),
                "the handling span of a message sent with no context");

        assertThat(handled.getParentSpanContext().isValid()).isFalse();
        assertThat(handled.getName()).isEqualTo("handle PaymentAuthorized");
    }

    /** The product whose price the handler of the order's PaymentAuthorized changes. */
    private static String skuOf(UUID orderId) {
        return "SKU-" + orderId;
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }

        @Bean
        EventHandlers eventHandlers(Outbox outbox) {
            return new EventHandlers()
                    .on(PaymentAuthorized.class, (event, envelope) -> outbox.add(priceChanged(skuOf(event.orderId()))))
                    .on(ProductPriceChanged.class, (event, envelope) -> {});
        }
    }
}
