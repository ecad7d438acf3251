package io.eventshop.devstack.aws.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * A subscription's filter policy, checked against SNS's limits and evaluated by AWS's own event-ruler. In the
 * MessageAttributes scope the attributes are turned into a flat JSON object first (String as a string, Number as a
 * number, String.Array as an array; Binary drops out); in the MessageBody scope the message itself is the event.
 */
final class FilterPolicy {

    /** Which part of a message the policy looks at. */
    enum Scope {
        MessageAttributes,
        MessageBody;

        static Scope parse(String value) {
            for (Scope scope : values()) {
                if (scope.name().equals(value)) {
                    return scope;
                }
            }
            throw SnsException.invalidParameter("Invalid parameter: FilterPolicyScope: Invalid filter policy scope, "
                    + "please specify either MessageAttributes or MessageBody");
        }
    }

    static final int MAX_KEYS = 5;
    static final int MAX_COMBINATIONS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String policy;
    private final Scope scope;
    private final Machine machine = new Machine();

    private FilterPolicy(String policy, Scope scope) {
        this.policy = policy;
        this.scope = scope;
        try {
            machine.addRule("policy", policy);
        } catch (Exception e) {
            throw invalid(e.getMessage());
        }
    }

    /** Validates the policy for the scope as SNS does, and compiles it. */
    static FilterPolicy compile(String policy, Scope scope) {
        JsonNode tree;
        try {
            tree = JSON.readTree(policy);
        } catch (Exception e) {
            throw invalid("failed to parse JSON.");
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("failed to parse JSON.");
        }
        if (tree.isEmpty()) {
            throw invalid("Filter policy must not be empty");
        }
        if (scope == Scope.MessageAttributes && isNested(tree)) {
            throw SnsException.invalidParameter(
                    "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
        }
        String error = JsonRuleCompiler.check(policy);
        if (error != null) {
            throw invalid(error);
        }
        Set<String> keys = new HashSet<>();
        long combinations = combinations(tree, "", keys);
        if (scope == Scope.MessageAttributes && keys.size() > MAX_KEYS) {
            throw invalid("Filter policy can not have more than " + MAX_KEYS + " keys");
        }
        if (combinations > MAX_COMBINATIONS) {
            throw invalid("Filter policy is too complex");
        }
        return new FilterPolicy(policy, scope);
    }

    String policy() {
        return policy;
    }

    Scope scope() {
        return scope;
    }

    boolean matches(String message, Map<String, MessageAttribute> attributes) {
        JsonNode event = scope == Scope.MessageBody ? body(message) : attributesEvent(attributes);
        return event != null && !machine.rulesForJSONEvent(event).isEmpty();
    }

    /** A flat JSON object of the attributes; null when none takes part, since then no policy matches. */
    static ObjectNode attributesEvent(Map<String, MessageAttribute> attributes) {
        ObjectNode event = JSON.createObjectNode();
        attributes.forEach((name, attribute) -> {
            JsonNode value = attribute.filterValue();
            if (value != null) {
                event.set(name, value);
            }
        });
        return event.isEmpty() ? null : event;
    }

    private static JsonNode body(String message) {
        try {
            JsonNode body = JSON.readTree(message);
            return body != null && body.isObject() ? body : null;
        } catch (Exception e) {
            return null; // a message that is not JSON matches no body policy
        }
    }

    /** Whether a key holds an object of keys rather than a list of values (an operator sits inside the list). */
    private static boolean isNested(JsonNode tree) {
        for (var field : tree.properties()) {
            if (field.getKey().equals("$or")) {
                for (JsonNode branch : field.getValue()) {
                    if (branch.isObject() && isNested(branch)) {
                        return true;
                    }
                }
            } else if (field.getValue().isObject()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of combinations AWS counts: the product of the value lists' sizes across keys, with the branches of
     * an {@code $or} adding up.
     */
    private static long combinations(JsonNode node, String path, Set<String> keys) {
        long product = 1;
        for (var field : node.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("$or") && value.isArray()) {
                long sum = 0;
                for (JsonNode branch : value) {
                    sum += branch.isObject() ? combinations(branch, path, keys) : 1;
                }
                product *= Math.max(sum, 1);
            } else if (value.isObject()) {
                product *= combinations(value, path + field.getKey() + ".", keys);
            } else {
                keys.add(path + field.getKey());
                product *= Math.max(value.size(), 1);
            }
            product = Math.min(product, Integer.MAX_VALUE);
        }
        return product;
    }

    private static SnsException invalid(String reason) {
        return SnsException.invalidParameter("Invalid parameter: FilterPolicy: " + reason);
    }
}
