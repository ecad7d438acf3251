package io.eventshop.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON mapping of {@link EventEnvelope}: it writes the envelope of ARCHITECTURE §2 and reads it back, choosing the
 * type of {@code data} by {@code eventType}.
 *
 * <p>Money is written as a plain JSON number that keeps its scale ({@code 39.90}), ids and instants as strings, and
 * {@code occurredAt} as ISO-8601 UTC with milliseconds. Unknown fields are ignored, so that events can grow
 * additively. Anything that cannot be read is reported as a {@link MalformedEventException} whose reason names the
 * field or type at fault. Instances are immutable and thread-safe.
 */
public final class EventJson {

    private static final DateTimeFormatter OCCURRED_AT =
            new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Writes {@code envelope} as JSON. */
    public String write(EventEnvelope envelope) {
        ObjectNode json = mapper.createObjectNode();
        json.put("eventId", envelope.eventId().toString());
        json.put("eventType", envelope.eventType());
        json.put("eventVersion", envelope.eventVersion());
        json.put("source", envelope.source());
        json.put("occurredAt", OCCURRED_AT.format(envelope.occurredAt()));
        json.put("orderId", textOf(envelope.orderId()));
        json.put("correlationId", envelope.correlationId().toString());
        json.put("causationId", textOf(envelope.causationId()));
        json.set("data", mapper.valueToTree(envelope.data()));
        return mapper.writeValueAsString(json);
    }

    /**
     * Reads an envelope, and its {@code data} as the event type that {@code eventType} names.
     *
     * @throws MalformedEventException if {@code json} is not JSON, names an unknown event type, or misses or breaks a
     *     field
     */
    public EventEnvelope read(String json) {
        return read(readTree(json));
    }

    /**
     * Reads an envelope from JSON already parsed by {@link #readTree}, as {@link #read(String)} does: a message whose
     * envelope sits inside another document (an EventBridge event's {@code detail}) is parsed once.
     *
     * @throws MalformedEventException if {@code root} names an unknown event type, or misses or breaks a field
     */
    public EventEnvelope read(JsonNode root) {
        String eventType = text(root, "eventType");
        Class<? extends IntegrationEvent> type = EventTypes.find(eventType)
                .orElseThrow(() -> new MalformedEventException("unknown event type: " + eventType));
        IntegrationEvent data = readData(root, type);
        try {
            return new EventEnvelope(
                    uuid(root, "eventId"),
                    eventType,
                    eventVersion(root),
                    text(root, "source"),
                    occurredAt(root),
                    optionalUuid(root, "orderId"),
                    uuid(root, "correlationId"),
                    optionalUuid(root, "causationId"),
                    data);
        } catch (InvalidFieldException e) {
            throw malformed(e, "", e);
        }
    }

    /**
     * Parses JSON with this mapping's settings (numbers with a fraction as exact decimals), for {@link #read(JsonNode)}.
     *
     * @throws MalformedEventException if {@code json} is not a JSON object
     */
    public JsonNode readTree(String json) {
        if (json == null) {
            throw new MalformedEventException("not JSON: null");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (StreamReadException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        return root;
    }

    private IntegrationEvent readData(JsonNode root, Class<? extends IntegrationEvent> type) {
        JsonNode data = required(root, "data");
        if (!data.isObject()) {
            throw new MalformedEventException("invalid field: data (must be an object)");
        }
        try {
            return mapper.treeToValue(data, type);
        } catch (DatabindException e) {
            String path = pathOf(e);
            InvalidFieldException invalid = invalidFieldIn(e);
            if (invalid != null) {
                throw malformed(invalid, path + ".", e);
            }
            JsonNode value = data.at(JsonPointer.compile(pointerOf(e)));
            if (value.isMissingNode() || value.isNull()) {
                throw new MalformedEventException("missing field: " + path, e);
            }
            throw new MalformedEventException("invalid field: " + path + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static MalformedEventException malformed(InvalidFieldException e, String prefix, Throwable cause) {
        String field = prefix + e.field();
        return e.isMissing()
                ? new MalformedEventException("missing field: " + field, cause)
                : new MalformedEventException("invalid field: " + field + " (" + e.problem() + ")", cause);
    }

    private static InvalidFieldException invalidFieldIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static String pathOf(JacksonException e) {
        var path = new StringBuilder("data");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append('.').append(reference.getPropertyName());
            }
        }
        return path.toString();
    }

    private static String pointerOf(JacksonException e) {
        var pointer = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            pointer.append('/')
                    .append(
                            reference.getIndex() >= 0
                                    ? String.valueOf(reference.getIndex())
                                    : reference
                                            .getPropertyName()
                                            .replace("~", "~0")
                                            .replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException("missing field: " + field);
        }
        return value;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = required(root, field);
        if (!value.isString()) {
            throw new MalformedEventException("invalid field: " + field + " (must be a string)");
        }
        return value.asString();
    }

    private static int eventVersion(JsonNode root) {
        JsonNode value = required(root, "eventVersion");
        if (!value.isInt()) {
            throw new MalformedEventException("invalid field: eventVersion (must be an integer)");
        }
        return value.intValue();
    }

    private static UUID uuid(JsonNode root, String field) {
        String value = text(root, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("invalid field: " + field + " (not a UUID: " + value + ")", e);
        }
    }

    private static UUID optionalUuid(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : uuid(root, field);
    }

    private static Instant occurredAt(JsonNode root) {
        String value = text(root, "occurredAt");
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("invalid field: occurredAt (not an ISO-8601 instant: " + value + ")", e);
        }
    }

    private static String textOf(UUID id) {
        return id == null ? null : id.toString();
    }
}
