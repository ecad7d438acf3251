package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** PutRule, DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule and TestEventPattern. */
final class RuleOperations {

    private static final Pattern RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

    /** The fields an event must have for TestEventPattern, as AWS checks them. */
    private static final List<String> EVENT_FIELDS =
            List.of("id", "account", "source", "time", "region", "detail-type");

    private final Registry registry;

    RuleOperations(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("PutRule", this::put);
        operations.put("DescribeRule", this::describe);
        operations.put("ListRules", this::list);
        operations.put("DeleteRule", this::delete);
        operations.put("EnableRule", input -> changeState(input, true));
        operations.put("DisableRule", input -> changeState(input, false));
        operations.put("TestEventPattern", this::test);
    }

    /** Replaces the rule's whole definition (what is left out becomes empty), keeping its targets. */
    private JsonNode put(JsonInput input) {
        String name = input.required("Name");
        if (!RULE_NAME.matcher(name).matches()) {
            throw EventBridgeException.validation("Rule name " + name + " is not valid.");
        }
        if (input.optional("ScheduleExpression") != null) {
            throw EventBridgeException.validation("ScheduleExpression is not supported by the devstack.");
        }
        String patternSource = input.optional("EventPattern");
        if (patternSource == null) {
            throw EventBridgeException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        String state = input.optional("State");
        if (state != null && !state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw EventBridgeException.validation("State must be ENABLED or DISABLED, not " + state + ".");
        }
        EventPattern pattern = EventPattern.compile(patternSource);
        synchronized (registry) {
            EventBus bus = registry.bus(input.optional("EventBusName"));
            Rule rule = bus.findRule(name);
            if (rule == null) {
                rule = new Rule(name, bus.name(), registry.ruleArn(bus.name(), name));
                bus.putRule(rule);
            }
            rule.define(pattern, !"DISABLED".equals(state), input.optional("Description"));
            return AwsJson.MAPPER.createObjectNode().put("RuleArn", rule.arn());
        }
    }

    private JsonNode describe(JsonInput input) {
        String name = input.required("Name");
        synchronized (registry) {
            Rule rule = registry.bus(input.optional("EventBusName")).rule(name);
            return summary(rule).put("CreatedBy", registry.account().accountId());
        }
    }

    private JsonNode list(JsonInput input) {
        String prefix = input.optional("NamePrefix");
        synchronized (registry) {
            var matching = registry.bus(input.optional("EventBusName")).rules().stream()
                    .filter(rule -> prefix == null || rule.name().startsWith(prefix))
                    .toList();
            Page<Rule> page = Page.of(matching, input);
            ObjectNode out = AwsJson.MAPPER.createObjectNode();
            ArrayNode rules = out.putArray("Rules");
            page.items().forEach(rule -> rules.add(summary(rule)));
            if (page.nextToken() != null) {
                out.put("NextToken", page.nextToken());
            }
            return out;
        }
    }

    /** Deleting a rule that does not exist is not an error; deleting one with targets needs Force. */
    private JsonNode delete(JsonInput input) {
        String name = input.required("Name");
        synchronized (registry) {
            EventBus bus = registry.bus(input.optional("EventBusName"));
            Rule rule = bus.findRule(name);
            if (rule != null) {
                if (!rule.targets().isEmpty() && !input.flag("Force")) {
                    throw EventBridgeException.validation("Rule can't be deleted since it has targets.");
                }
                bus.removeRule(name);
            }
        }
        return AwsJson.MAPPER.createObjectNode();
    }

    private JsonNode changeState(JsonInput input, boolean enabled) {
        String name = input.required("Name");
        synchronized (registry) {
            Rule rule = registry.bus(input.optional("EventBusName")).rule(name);
            if (enabled) {
                rule.enable();
            } else {
                rule.disable();
            }
        }
        return AwsJson.MAPPER.createObjectNode();
    }

    private JsonNode test(JsonInput input) {
        EventPattern pattern = EventPattern.compile(input.required("EventPattern"));
        String event = input.required("Event");
        JsonNode parsed;
        try {
            parsed = AwsJson.MAPPER.readTree(event);
        } catch (java.io.IOException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject() || !EVENT_FIELDS.stream().allMatch(parsed::has)) {
            throw EventBridgeException.validation(
                    "Parameter Event is not valid: it must be a JSON object with the fields " + EVENT_FIELDS + ".");
        }
        return AwsJson.MAPPER.createObjectNode().put("Result", pattern.matches(parsed));
    }

    private static ObjectNode summary(Rule rule) {
        ObjectNode out = AwsJson.MAPPER
                .createObjectNode()
                .put("Name", rule.name())
                .put("Arn", rule.arn())
                .put("EventPattern", rule.pattern())
                .put("State", rule.state())
                .put("EventBusName", rule.busName());
        if (rule.description() != null) {
            out.put("Description", rule.description());
        }
        return out;
    }
}
