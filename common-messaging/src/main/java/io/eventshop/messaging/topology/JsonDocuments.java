package io.eventshop.messaging.topology;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes and compares the JSON documents that AWS takes as strings: policies, patterns and redrive policies. */
final class JsonDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonDocuments() {}

    static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    /**
     * Whether a JSON string that an endpoint returned means the same as the desired document. Endpoints reformat
     * JSON and some return numbers as strings, so this compares parsed trees, scalars by their text.
     */
    static boolean same(String actual, JsonNode desired) {
        if (actual == null || actual.isBlank()) {
            return desired == null;
        }
        return desired != null && equivalent(JSON.readTree(actual), desired);
    }

    private static boolean equivalent(JsonNode left, JsonNode right) {
        if (left.isValueNode() && right.isValueNode()) {
            return left.asString().equals(right.asString());
        }
        return left.equals((a, b) -> equivalentScalars(a, b) ? 0 : 1, right);
    }

    private static boolean equivalentScalars(JsonNode a, JsonNode b) {
        return a.isValueNode() && b.isValueNode() ? a.asString().equals(b.asString()) : a.equals(b);
    }
}
