package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateArchive, DescribeArchive, ListArchives and DeleteArchive. */
final class ArchiveOperations {

    private static final Pattern ARCHIVE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,48}");

    private final Registry registry;

    ArchiveOperations(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateArchive", this::create);
        operations.put("DescribeArchive", this::describe);
        operations.put("ListArchives", this::list);
        operations.put("DeleteArchive", this::delete);
    }

    private JsonNode create(JsonInput input) {
        String name = input.required("ArchiveName");
        if (!ARCHIVE_NAME.matcher(name).matches()) {
            throw EventBridgeException.validation("Archive name " + name + " is not valid.");
        }
        String sourceArn = input.required("EventSourceArn");
        String patternSource = input.optional("EventPattern");
        EventPattern pattern = patternSource == null ? null : EventPattern.compile(patternSource);
        int retentionDays = input.node("RetentionDays").asInt(0);
        if (retentionDays < 0) {
            throw EventBridgeException.validation("RetentionDays must be 0 or more.");
        }
        synchronized (registry) {
            EventBus bus = registry.bus(sourceArn);
            Archive archive = new Archive(
                    name,
                    registry.account().arn("events", "archive/" + name),
                    bus.arn(),
                    pattern,
                    retentionDays,
                    input.optional("Description"),
                    Instant.now());
            registry.addArchive(archive);
            ObjectNode out = AwsJson.MAPPER
                    .createObjectNode()
                    .put("ArchiveArn", archive.arn())
                    .put("State", "ENABLED");
            out.set("CreationTime", AwsJson.timestamp(archive.createdAt()));
            return out;
        }
    }

    private JsonNode describe(JsonInput input) {
        String name = input.required("ArchiveName");
        synchronized (registry) {
            Archive archive = registry.archive(name);
            ObjectNode out = summary(archive).put("ArchiveArn", archive.arn());
            if (archive.description() != null) {
                out.put("Description", archive.description());
            }
            if (archive.pattern() != null) {
                out.put("EventPattern", archive.pattern());
            }
            return out;
        }
    }

    private JsonNode list(JsonInput input) {
        String prefix = input.optional("NamePrefix");
        String sourceArn = input.optional("EventSourceArn");
        String state = input.optional("State");
        synchronized (registry) {
            var matching = registry.archives().stream()
                    .filter(a -> prefix == null || a.name().startsWith(prefix))
                    .filter(a -> sourceArn == null || a.sourceArn().equals(sourceArn))
                    .filter(a -> state == null || state.equals("ENABLED"))
                    .toList();
            Page<Archive> page = Page.of(matching, input);
            ObjectNode out = AwsJson.MAPPER.createObjectNode();
            ArrayNode archives = out.putArray("Archives");
            page.items().forEach(archive -> archives.add(summary(archive)));
            if (page.nextToken() != null) {
                out.put("NextToken", page.nextToken());
            }
            return out;
        }
    }

    private JsonNode delete(JsonInput input) {
        String name = input.required("ArchiveName");
        synchronized (registry) {
            registry.deleteArchive(name);
        }
        return AwsJson.MAPPER.createObjectNode();
    }

    private static ObjectNode summary(Archive archive) {
        ObjectNode out = AwsJson.MAPPER
                .createObjectNode()
                .put("ArchiveName", archive.name())
                .put("EventSourceArn", archive.sourceArn())
                .put("State", "ENABLED")
                .put("RetentionDays", archive.retentionDays())
                .put("SizeBytes", archive.sizeBytes())
                .put("EventCount", archive.eventCount());
        out.set("CreationTime", AwsJson.timestamp(archive.createdAt()));
        return out;
    }
}
