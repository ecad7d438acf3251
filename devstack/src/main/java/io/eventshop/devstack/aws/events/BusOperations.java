package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateEventBus, DeleteEventBus, DescribeEventBus and ListEventBuses. */
final class BusOperations {

    private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");

    private final Registry registry;

    BusOperations(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateEventBus", this::create);
        operations.put("DeleteEventBus", this::delete);
        operations.put("DescribeEventBus", this::describe);
        operations.put("ListEventBuses", this::list);
    }

    private JsonNode create(JsonInput input) {
        String name = input.required("Name");
        if (!BUS_NAME.matcher(name).matches()) {
            throw EventBridgeException.validation("Event bus name " + name + " is not valid.");
        }
        synchronized (registry) {
            EventBus bus = registry.createBus(name);
            return AwsJson.MAPPER.createObjectNode().put("EventBusArn", bus.arn());
        }
    }

    /** Deleting a bus deletes its rules and their targets with it; deleting a missing bus is not an error. */
    private JsonNode delete(JsonInput input) {
        String name = input.required("Name");
        if (name.equals(EventBus.DEFAULT)) {
            throw EventBridgeException.validation("Cannot delete event bus default.");
        }
        synchronized (registry) {
            registry.deleteBus(name);
        }
        return AwsJson.MAPPER.createObjectNode();
    }

    private JsonNode describe(JsonInput input) {
        synchronized (registry) {
            return summary(registry.bus(input.optional("Name")));
        }
    }

    private JsonNode list(JsonInput input) {
        String prefix = input.optional("NamePrefix");
        synchronized (registry) {
            var matching = registry.buses().stream()
                    .filter(bus -> prefix == null || bus.name().startsWith(prefix))
                    .toList();
            Page<EventBus> page = Page.of(matching, input);
            ObjectNode out = AwsJson.MAPPER.createObjectNode();
            ArrayNode buses = out.putArray("EventBuses");
            page.items().forEach(bus -> buses.add(summary(bus)));
            if (page.nextToken() != null) {
                out.put("NextToken", page.nextToken());
            }
            return out;
        }
    }

    private static ObjectNode summary(EventBus bus) {
        ObjectNode out =
                AwsJson.MAPPER.createObjectNode().put("Name", bus.name()).put("Arn", bus.arn());
        out.set("CreationTime", AwsJson.timestamp(bus.createdAt()));
        out.set("LastModifiedTime", AwsJson.timestamp(bus.createdAt()));
        return out;
    }
}
