package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PutTargets, RemoveTargets and ListTargetsByRule. */
final class TargetOperations {

    private final Registry registry;

    TargetOperations(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("PutTargets", this::put);
        operations.put("RemoveTargets", this::remove);
        operations.put("ListTargetsByRule", this::list);
    }

    /**
     * Adds or replaces targets by id. A target that breaks AWS's rules fails the request; one whose ARN is not an SQS
     * queue, which the devstack cannot deliver to, fails as an entry.
     */
    private JsonNode put(JsonInput input) {
        String ruleName = input.required("Rule");
        JsonNode definitions = input.node("Targets");
        if (!definitions.isArray() || definitions.isEmpty()) {
            throw EventBridgeException.validation("Targets must list at least one target.");
        }
        List<Target> accepted = new ArrayList<>();
        ObjectNode out = AwsJson.MAPPER.createObjectNode();
        ArrayNode failed = out.putArray("FailedEntries");
        for (JsonNode definition : definitions) {
            Target target = Target.of(definition);
            if (target.isQueue()) {
                accepted.add(target);
            } else {
                failed.addObject()
                        .put("TargetId", target.id())
                        .put("ErrorCode", "ValidationException")
                        .put("ErrorMessage", "The devstack delivers only to SQS queues, not to " + target.queueArn());
            }
        }
        synchronized (registry) {
            registry.bus(input.optional("EventBusName")).rule(ruleName).putTargets(accepted);
        }
        out.put("FailedEntryCount", failed.size());
        return out;
    }

    /** Ids that the rule does not have are passed over, as AWS does. */
    private JsonNode remove(JsonInput input) {
        String ruleName = input.required("Rule");
        synchronized (registry) {
            registry.bus(input.optional("EventBusName")).rule(ruleName).removeTargets(input.strings("Ids"));
        }
        ObjectNode out = AwsJson.MAPPER.createObjectNode().put("FailedEntryCount", 0);
        out.putArray("FailedEntries");
        return out;
    }

    private JsonNode list(JsonInput input) {
        String ruleName = input.required("Rule");
        synchronized (registry) {
            Rule rule = registry.bus(input.optional("EventBusName")).rule(ruleName);
            Page<Target> page = Page.of(rule.targets(), input);
            ObjectNode out = AwsJson.MAPPER.createObjectNode();
            ArrayNode targets = out.putArray("Targets");
            page.items().forEach(target -> targets.add(target.definition()));
            if (page.nextToken() != null) {
                out.put("NextToken", page.nextToken());
            }
            return out;
        }
    }
}
