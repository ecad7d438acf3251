package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;

/** What a target receives for a matched event: the whole event, a fixed JSON text, a part, or a transformation. */
sealed interface TargetInput permits TargetInput.WholeEvent, TargetInput.Constant, InputPath, InputTransformation {

    String render(RoutedEvent routed);

    /** Reads the target's {@code Input}, {@code InputPath} or {@code InputTransformer}, of which at most one is set. */
    static TargetInput of(JsonNode target) {
        JsonNode input = target.path("Input");
        JsonNode path = target.path("InputPath");
        JsonNode transformer = target.path("InputTransformer");
        int given = (input.isTextual() ? 1 : 0) + (path.isTextual() ? 1 : 0) + (transformer.isObject() ? 1 : 0);
        if (given > 1) {
            throw EventBridgeException.validation(
                    "Only one of Input, InputPath, or InputTransformer can be provided for target "
                            + target.path("Id").asText() + ".");
        }
        if (input.isTextual()) {
            return Constant.of(input.asText());
        }
        if (path.isTextual()) {
            return new InputPath(EventPath.parse(path.asText()));
        }
        if (transformer.isObject()) {
            return InputTransformation.of(transformer);
        }
        return new WholeEvent();
    }

    /** The default: the event as it was matched. */
    record WholeEvent() implements TargetInput {

        @Override
        public String render(RoutedEvent routed) {
            return routed.json();
        }
    }

    /** {@code Input}: the same JSON text for every event. */
    record Constant(String json) implements TargetInput {

        static Constant of(String json) {
            try {
                AwsJson.MAPPER.readTree(json);
            } catch (java.io.IOException e) {
                throw EventBridgeException.validation("Input is not valid JSON text.");
            }
            return new Constant(json);
        }

        @Override
        public String render(RoutedEvent routed) {
            return json;
        }
    }
}
