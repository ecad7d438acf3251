package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;

/** One EventBridge API operation: a request body in, a response body out, or an {@link EventBridgeException}. */
@FunctionalInterface
interface Operation {

    JsonNode run(JsonInput input);
}
