package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Finds the enabled rules of a bus that match an event and pairs the event with each of their targets. */
final class EventRouter {

    private EventRouter() {}

    /** Call with the registry's monitor held. */
    static List<Routing> route(EventBus bus, ObjectNode event, String json, Instant ingestedAt, Predicate<Rule> which) {
        List<Routing> routings = new ArrayList<>();
        for (Rule rule : bus.rules()) {
            if (which.test(rule) && rule.matches(event)) {
                var routed = new RoutedEvent(event, json, rule.name(), rule.arn(), ingestedAt);
                rule.targets().forEach(target -> routings.add(new Routing(routed, target)));
            }
        }
        return routings;
    }
}
