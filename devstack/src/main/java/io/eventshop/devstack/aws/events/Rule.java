package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule on a bus: a pattern, a state and up to five targets. PutRule replaces its definition but keeps its targets,
 * as in AWS.
 */
final class Rule {

    static final int MAX_TARGETS = 5;

    private final String name;
    private final String busName;
    private final String arn;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private EventPattern pattern;
    private boolean enabled;
    private String description;

    Rule(String name, String busName, String arn) {
        this.name = name;
        this.busName = busName;
        this.arn = arn;
    }

    void define(EventPattern pattern, boolean enabled, String description) {
        this.pattern = pattern;
        this.enabled = enabled;
        this.description = description;
    }

    void enable() {
        enabled = true;
    }

    void disable() {
        enabled = false;
    }

    /** Whether an event on this rule's bus goes to its targets. A disabled rule matches nothing. */
    boolean matches(JsonNode event) {
        return enabled && pattern.matches(event);
    }

    /** Adds or replaces targets by id, all or none: more than five in all is refused. */
    void putTargets(List<Target> added) {
        Map<String, Target> after = new LinkedHashMap<>(targets);
        added.forEach(target -> after.put(target.id(), target));
        if (after.size() > MAX_TARGETS) {
            throw EventBridgeException.limitExceeded(
                    "The requested resource exceeds the maximum number allowed: a rule has at most " + MAX_TARGETS
                            + " targets.");
        }
        targets.clear();
        targets.putAll(after);
    }

    void removeTargets(List<String> ids) {
        ids.forEach(targets::remove);
    }

    List<Target> targets() {
        return List.copyOf(targets.values());
    }

    String name() {
        return name;
    }

    String busName() {
        return busName;
    }

    String arn() {
        return arn;
    }

    String pattern() {
        return pattern.source();
    }

    String state() {
        return enabled ? "ENABLED" : "DISABLED";
    }

    String description() {
        return description;
    }
}
