package io.eventshop.infra.aws;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the topology's JSON documents (filter policies, event patterns) into the maps and lists the CDK takes. */
final class JsonValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonValues() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> toJava(JsonNode document) {
        return document == null ? null : JSON.convertValue(document, Map.class);
    }
}
