package io.eventshop.devstack.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An event that a rule matched, with what a target's input may refer to: the rule and the ingestion time. */
record RoutedEvent(ObjectNode event, String json, String ruleName, String ruleArn, Instant ingestedAt) {

    String id() {
        return event.path("id").asText();
    }
}
