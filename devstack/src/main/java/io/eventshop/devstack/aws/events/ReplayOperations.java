package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventshop.devstack.aws.AwsAccount;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** StartReplay, DescribeReplay, ListReplays and CancelReplay. */
final class ReplayOperations {

    private static final Pattern REPLAY_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final String ARCHIVE_PREFIX = "archive/";

    private final Registry registry;
    private final ReplayRunner runner;

    ReplayOperations(Registry registry, ReplayRunner runner) {
        this.registry = registry;
        this.runner = runner;
    }

    void register(Map<String, Operation> operations) {
        operations.put("StartReplay", this::start);
        operations.put("DescribeReplay", this::describe);
        operations.put("ListReplays", this::list);
        operations.put("CancelReplay", this::cancel);
    }

    private JsonNode start(JsonInput input) {
        String name = input.required("ReplayName");
        if (!REPLAY_NAME.matcher(name).matches()) {
            throw EventBridgeException.validation("Replay name " + name + " is not valid.");
        }
        String archiveArn = input.required("EventSourceArn");
        Instant start = input.requiredTime("EventStartTime");
        Instant end = input.requiredTime("EventEndTime");
        if (!start.isBefore(end)) {
            throw EventBridgeException.validation(
                    "Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.");
        }
        if (!(input.node("Destination") instanceof ObjectNode destinationNode)) {
            throw EventBridgeException.validation("Parameter Destination must be specified.");
        }
        JsonInput destination = new JsonInput(destinationNode);
        String destinationArn = destination.required("Arn");
        synchronized (registry) {
            Archive archive = registry.archive(archiveName(archiveArn));
            EventBus bus = registry.bus(destinationArn);
            if (!bus.arn().equals(archive.sourceArn())) {
                throw EventBridgeException.validation(
                        "Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.");
            }
            Replay replay = new Replay(
                    name,
                    registry.account().arn("events", "replay/" + name),
                    archive.arn(),
                    bus.arn(),
                    destination.strings("FilterArns"),
                    start,
                    end,
                    input.optional("Description"));
            registry.addReplay(replay);
            runner.start(replay, archive.between(start, end));
            ObjectNode out = AwsJson.MAPPER
                    .createObjectNode()
                    .put("ReplayArn", replay.arn())
                    .put("State", "STARTING");
            out.set("ReplayStartTime", AwsJson.timestamp(replay.startedAt()));
            return out;
        }
    }

    private JsonNode describe(JsonInput input) {
        String name = input.required("ReplayName");
        synchronized (registry) {
            return registry.replay(name).describe(true);
        }
    }

    private JsonNode list(JsonInput input) {
        String prefix = input.optional("NamePrefix");
        String state = input.optional("State");
        String sourceArn = input.optional("EventSourceArn");
        synchronized (registry) {
            var matching = registry.replays().stream()
                    .filter(r -> prefix == null || r.name().startsWith(prefix))
                    .filter(r -> state == null || r.state().equals(state))
                    .filter(r -> sourceArn == null || r.archiveArn().equals(sourceArn))
                    .toList();
            Page<Replay> page = Page.of(matching, input);
            ObjectNode out = AwsJson.MAPPER.createObjectNode();
            ArrayNode replays = out.putArray("Replays");
            page.items().forEach(replay -> replays.add(replay.describe(false)));
            if (page.nextToken() != null) {
                out.put("NextToken", page.nextToken());
            }
            return out;
        }
    }

    private JsonNode cancel(JsonInput input) {
        String name = input.required("ReplayName");
        synchronized (registry) {
            Replay replay = registry.replay(name);
            replay.cancel();
            return AwsJson.MAPPER
                    .createObjectNode()
                    .put("ReplayArn", replay.arn())
                    .put("State", replay.state());
        }
    }

    private static String archiveName(String archiveArn) {
        String resource;
        try {
            resource = AwsAccount.resourceOf(archiveArn);
        } catch (IllegalArgumentException e) {
            throw EventBridgeException.validation("Parameter EventSourceArn is not valid: " + archiveArn);
        }
        return resource.startsWith(ARCHIVE_PREFIX) ? resource.substring(ARCHIVE_PREFIX.length()) : resource;
    }
}
