package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * An event pattern, checked and compiled by AWS's own event-ruler, so that matching (numeric ranges, prefixes,
 * {@code $or}, {@code anything-but}) behaves as it does in EventBridge.
 */
final class EventPattern {

    private final String source;
    private final GenericMachine<String> machine = new GenericMachine<>();

    private EventPattern(String source) throws java.io.IOException {
        this.source = source;
        machine.addRule("pattern", source);
    }

    static EventPattern compile(String source) {
        String problem;
        try {
            problem = JsonRuleCompiler.check(source);
            if (problem == null) {
                return new EventPattern(source);
            }
        } catch (Exception e) {
            problem = e.getMessage();
        }
        throw EventBridgeException.invalidPattern("Event pattern is not valid. Reason: " + problem);
    }

    /**
     * Whether the event matches. It takes the event as a tree, parsed once by the caller for all the patterns it is
     * offered to (every rule of the bus, every archive), rather than as text that each pattern would parse again.
     */
    boolean matches(JsonNode event) {
        try {
            return !machine.rulesForJSONEvent(event).isEmpty();
        } catch (RuntimeException unmatchable) {
            return false;
        }
    }

    String source() {
        return source;
    }
}
