package io.eventshop.topology;

import java.util.List;

/**
 * A custom EventBridge event bus with its rules and, optionally, an archive.
 *
 * @param name the bus name
 * @param archive the archive of the bus's events, or {@code null}
 * @param rules the rules on the bus
 */
public record EventBus(String name, Archive archive, List<Rule> rules) {

    public EventBus {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
