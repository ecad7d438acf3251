package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A request body with the checks AWS applies to its members before the operation runs. */
record JsonInput(ObjectNode body) {

    String required(String member) {
        String value = optional(member);
        if (value == null || value.isEmpty()) {
            throw EventBridgeException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: " + "Member must not be null");
        }
        return value;
    }

    String optional(String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    boolean flag(String member) {
        return body.path(member).asBoolean(false);
    }

    Instant requiredTime(String member) {
        JsonNode value = body.get(member);
        if (value == null || !value.isNumber()) {
            throw EventBridgeException.validation("Parameter " + member + " must be a timestamp.");
        }
        return AwsJson.instant(value);
    }

    List<String> strings(String member) {
        List<String> values = new ArrayList<>();
        body.path(member).forEach(value -> values.add(value.asText()));
        return values;
    }

    JsonNode node(String member) {
        return body.path(member);
    }
}
