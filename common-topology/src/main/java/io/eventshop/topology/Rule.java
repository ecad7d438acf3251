package io.eventshop.topology;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An EventBridge rule that routes the events matching its pattern to its targets.
 *
 * @param name the rule name, unique within its bus
 * @param description what the rule is for
 * @param eventPattern an EventBridge event pattern
 * @param targets the queues that receive the matching events
 */
public record Rule(String name, String description, JsonNode eventPattern, List<RuleTarget> targets) {

    public Rule {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
