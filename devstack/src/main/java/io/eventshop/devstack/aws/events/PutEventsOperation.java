package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PutEvents: each entry becomes an event on its bus, is archived, and goes to the targets of the rules that match
 * it. The answer comes once SQS holds the messages, so a test can read them straight away.
 */
final class PutEventsOperation {

    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;

    private final Registry registry;
    private final TargetDelivery delivery;

    PutEventsOperation(Registry registry, TargetDelivery delivery) {
        this.registry = registry;
        this.delivery = delivery;
    }

    void register(Map<String, Operation> operations) {
        operations.put("PutEvents", this::put);
    }

    private JsonNode put(JsonInput input) {
        JsonNode entries = input.node("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw EventBridgeException.validation(
                    "1 validation error detected: Value at 'entries' failed to satisfy constraint: "
                            + "Member must have length between 1 and " + MAX_ENTRIES);
        }
        int size = 0;
        for (JsonNode entry : entries) {
            size += EventEntry.size(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw EventBridgeException.validation("Total size of the entries in the request is over the limit.");
        }
        ObjectNode out = AwsJson.MAPPER.createObjectNode();
        ArrayNode results = AwsJson.MAPPER.createArrayNode();
        List<Routing> routings = new ArrayList<>();
        int failed = 0;
        synchronized (registry) {
            Instant now = Instant.now();
            for (JsonNode entry : entries) {
                try {
                    EventEntry event = EventEntry.of(entry, registry.account(), now);
                    routings.addAll(ingest(event, now));
                    results.addObject().put("EventId", event.event().path("id").asText());
                } catch (EventBridgeException refused) {
                    failed++;
                    results.addObject().put("ErrorCode", refused.code()).put("ErrorMessage", refused.getMessage());
                }
            }
        }
        delivery.deliver(routings);
        out.put("FailedEntryCount", failed);
        out.set("Entries", results);
        return out;
    }

    /** Archives the event and routes it to the bus's rules; call with the registry's monitor held. */
    private List<Routing> ingest(EventEntry entry, Instant now) {
        EventBus bus = registry.findBus(entry.busName());
        if (bus == null) {
            throw EventBridgeException.notFound("Event bus " + entry.busName() + " does not exist.");
        }
        registry.archives().forEach(archive -> archive.offer(bus.arn(), entry.event(), entry.json(), now));
        return EventRouter.route(bus, entry.event(), entry.json(), now, rule -> true);
    }
}
