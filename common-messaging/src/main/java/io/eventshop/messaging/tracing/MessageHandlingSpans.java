package io.eventshop.messaging.tracing;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.support.observation.SqsListenerObservation;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handling span of each message that a service's listener receives: a consumer span, child of the publish span of
 * the service that sent the event, in scope while the message is handled. So the handler's database work and the
 * events it adds to the outbox (whose rows keep the current context) belong to the same trace.
 *
 * <p>The span is Spring Cloud AWS's own: the listener container observes each message it processes
 * ({@code spring.aws.sqs.listener}), and opens the observation's scope on the thread that runs the listener. Its default
 * tracing handler takes the parent from the message's headers only, that is from SQS message attributes, which an
 * event delivered by an EventBridge rule does not have. This handler replaces it for those observations (it is ordered
 * before it) and finds the {@code traceparent} wherever the message carries it:
 *
 * <ul>
 *   <li>the SQS message attribute, which SNS raw delivery copies from the SNS message attribute;
 *   <li>the envelope's {@code traceparent} field inside an EventBridge event's {@code detail};
 *   <li>the {@code MessageAttributes} of an SNS notification (a subscription without raw delivery).
 * </ul>
 *
 * A message without a context (or with a broken one) is handled in a trace of its own. The body is read only when the
 * attribute is missing, so SNS's raw deliveries, most of the traffic, are not parsed twice.
 */
public final class MessageHandlingSpans implements TracingObservationHandler<SqsListenerObservation.Context> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Tracer tracer;

    public MessageHandlingSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof SqsListenerObservation.Context;
    }

    @Override
    public void onStart(SqsListenerObservation.Context context) {
        Delivery delivery =
                Delivery.of(context.getMessage().getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER, Message.class));
        Span.Builder builder = tracer.spanBuilder()
                .kind(Span.Kind.CONSUMER)
                .name("handle " + (delivery.eventType() == null ? "message" : delivery.eventType()))
                .remoteServiceName("sqs");
        if (delivery.eventType() != null) {
            builder.tag(MessageTracing.Tags.EVENT_TYPE, delivery.eventType());
        }
        if (delivery.orderId() != null) {
            builder.tag(MessageTracing.Tags.ORDER_ID, delivery.orderId());
        }
        Optional<TraceParent> parent = TraceParent.parse(delivery.traceParent());
        if (parent.isPresent()) {
            builder.setParent(parent.get().toContext(tracer));
        } else {
            builder.setNoParent();
        }
        getTracingContext(context).setSpan(builder.start());
    }

    @Override
    public void onStop(SqsListenerObservation.Context context) {
        Span span = getRequiredSpan(context);
        tagSpan(context, span);
        endSpan(context, span);
    }

    @Override
    public Tracer getTracer() {
        return tracer;
    }

    /**
     * What a received message says about its event, for the span: its trace context, its type and its order. Fields it
     * does not carry are null; a body that is not the JSON expected leaves them null too (the listener then tells why
     * the message cannot be handled).
     */
    record Delivery(
            @Nullable String traceParent,
            @Nullable String eventType,
            @Nullable String orderId) {

        private static final Delivery UNKNOWN = new Delivery(null, null, null);

        static Delivery of(@Nullable Message message) {
            if (message == null) {
                return UNKNOWN;
            }
            String traceParent = attribute(message, TraceParent.NAME);
            if (traceParent != null) {
                return new Delivery(traceParent, attribute(message, "eventType"), attribute(message, "orderId"));
            }
            return ofBody(message.body());
        }

        /** An EventBridge event, an SNS notification, or an envelope as SNS's raw delivery leaves it. */
        static Delivery ofBody(@Nullable String body) {
            JsonNode root;
            try {
                root = body == null ? null : JSON.readTree(body);
            } catch (JacksonException e) {
                return UNKNOWN;
            }
            if (root == null || !root.isObject()) {
                return UNKNOWN;
            }
            JsonNode detail = root.path("detail");
            if (root.has("detail-type") && detail.isObject()) {
                return new Delivery(text(detail, TraceParent.NAME), text(root, "detail-type"), text(detail, "orderId"));
            }
            JsonNode attributes = root.path("MessageAttributes");
            if ("Notification".equals(text(root, "Type")) && attributes.isObject()) {
                return new Delivery(
                        text(attributes.path(TraceParent.NAME), "Value"),
                        text(attributes.path("eventType"), "Value"),
                        text(attributes.path("orderId"), "Value"));
            }
            return new Delivery(null, text(root, "eventType"), text(root, "orderId"));
        }

        private static @Nullable String attribute(Message message, String name) {
            MessageAttributeValue value = message.messageAttributes().get(name);
            return value == null ? null : value.stringValue();
        }

        private static @Nullable String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value != null && value.isString() ? value.asString() : null;
        }
    }
}
