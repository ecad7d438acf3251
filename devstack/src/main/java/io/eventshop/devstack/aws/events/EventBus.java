package io.eventshop.devstack.aws.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An event bus and the rules on it, by name. */
final class EventBus {

    static final String DEFAULT = "default";

    private final String name;
    private final String arn;
    private final Instant createdAt;
    private final Map<String, Rule> rules = new TreeMap<>();

    EventBus(String name, String arn, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.createdAt = createdAt;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    Instant createdAt() {
        return createdAt;
    }

    Rule rule(String ruleName) {
        Rule rule = rules.get(ruleName);
        if (rule == null) {
            throw EventBridgeException.notFound("Rule " + ruleName + " does not exist on EventBus " + name + ".");
        }
        return rule;
    }

    Rule findRule(String ruleName) {
        return rules.get(ruleName);
    }

    void putRule(Rule rule) {
        rules.put(rule.name(), rule);
    }

    void removeRule(String ruleName) {
        rules.remove(ruleName);
    }

    /** The rules sorted by name. */
    List<Rule> rules() {
        return List.copyOf(rules.values());
    }
}
