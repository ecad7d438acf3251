package io.eventshop.messaging.listener;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.MalformedEventException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Reads the envelope out of an SQS message body, whichever way it arrived:
 *
 * <ul>
 *   <li>from SNS with raw delivery: the body is the envelope;
 *   <li>from SNS without raw delivery: the body is SNS's {@code {"Type":"Notification","Message":"<envelope>"}};
 *   <li>from an EventBridge rule: the body is the event, {@code {"detail-type":...,"detail":<envelope>}}.
 * </ul>
 */
final class EnvelopeUnwrapper {

    /** The attribute with which the relay publishes every event to SNS, and raw delivery keeps on the SQS message. */
    private static final String EVENT_TYPE_ATTRIBUTE = "eventType";

    private final EventJson json;

    EnvelopeUnwrapper(EventJson json) {
        this.json = json;
    }

    /**
     * The event type of a message, for counting it: its {@code eventType} attribute (every SNS raw delivery has it),
     * otherwise its envelope's; {@code null} when neither can be read.
     */
    @Nullable
    String eventTypeOf(Message message) {
        MessageAttributeValue attribute = message.messageAttributes().get(EVENT_TYPE_ATTRIBUTE);
        if (attribute != null && attribute.stringValue() != null) {
            return attribute.stringValue();
        }
        try {
            return unwrap(message.body()).eventType();
        } catch (MalformedEventException e) {
            return null;
        }
    }

    /**
     * @throws MalformedEventException if the body, or the envelope in it, cannot be read
     */
    EventEnvelope unwrap(String body) {
        // Parsed once, with the envelope's own settings: SNS's raw delivery, most messages, is the envelope itself.
        JsonNode root = json.readTree(body);
        if (root.has("detail-type") && root.has("detail")) {
            JsonNode detail = root.get("detail");
            if (!detail.isObject()) {
                throw new MalformedEventException("invalid EventBridge event: detail is not an object");
            }
            return json.read(detail);
        }
        if (isString(root, "Type", "Notification") && root.has("Message")) {
            JsonNode message = root.get("Message");
            if (!message.isString()) {
                throw new MalformedEventException("invalid SNS notification: Message is not a string");
            }
            return json.read(message.asString());
        }
        return json.read(root);
    }

    private static boolean isString(JsonNode node, String field, String value) {
        JsonNode child = node.get(field);
        return child != null && child.isString() && value.equals(child.asString());
    }
}
