package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventshop.devstack.aws.http.AwsRequest;
import io.eventshop.devstack.aws.http.AwsResponse;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The AWS JSON 1.1 protocol as EventBridge speaks it: the operation in {@code X-Amz-Target}, JSON bodies, timestamps
 * as epoch seconds, and errors as {@code {"__type": ..., "message": ...}}.
 */
final class AwsJson {

    /** Refuses trailing text, so that {@code {"a":1} junk} is not taken for a JSON object. */
    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String TARGET_PREFIX = "AWSEvents.";

    private AwsJson() {}

    /** The operation name, or an empty string when the request names none. */
    static String operation(AwsRequest request) {
        String target = request.header("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return "";
        }
        return target.substring(TARGET_PREFIX.length());
    }

    static ObjectNode parse(AwsRequest request) {
        if (request.body().length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode body = MAPPER.readTree(request.body());
            if (body instanceof ObjectNode object) {
                return object;
            }
        } catch (java.io.IOException malformed) {
            // Falls through to AWS's answer for a body it cannot read.
        }
        throw new EventBridgeException("SerializationException", 400, "The request body is not a JSON object.");
    }

    static AwsResponse ok(JsonNode body) {
        return AwsResponse.json(200, CONTENT_TYPE, write(body));
    }

    static AwsResponse error(EventBridgeException error) {
        ObjectNode body = MAPPER.createObjectNode().put("__type", error.code()).put("message", error.getMessage());
        return AwsResponse.json(error.status(), CONTENT_TYPE, write(body)).withHeader("x-amzn-ErrorType", error.code());
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Epoch seconds with milliseconds as the fraction, the way the SDK reads timestamps. */
    static DecimalNode timestamp(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    static Instant instant(JsonNode epochSeconds) {
        BigDecimal seconds = epochSeconds.decimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
