package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventshop.devstack.aws.AwsAccount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One entry of PutEvents turned into the event that rules see and targets receive. An entry that breaks the rules is
 * refused on its own, with the entry error code AWS uses ({@code InvalidArgument} or {@code MalformedDetail}).
 */
record EventEntry(String busName, ObjectNode event, String json) {

    static final int MAX_DETAIL_TYPE_LENGTH = 128;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static EventEntry of(JsonNode entry, AwsAccount account, Instant now) {
        String source = requiredText(entry, "Source");
        String detailType = requiredText(entry, "DetailType");
        String detailText = requiredText(entry, "Detail");
        if (detailType.length() > MAX_DETAIL_TYPE_LENGTH) {
            throw entryError(
                    "InvalidArgument",
                    "Parameter DetailType is not valid. Reason: DetailType is longer than " + MAX_DETAIL_TYPE_LENGTH
                            + " characters.");
        }
        JsonNode detail;
        try {
            detail = AwsJson.MAPPER.readTree(detailText);
        } catch (java.io.IOException e) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) {
            throw entryError("MalformedDetail", "Detail is malformed.");
        }
        Instant time = entry.path("Time").isNumber() ? AwsJson.instant(entry.get("Time")) : now;

        ObjectNode event = AwsJson.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", account.accountId());
        event.put("time", TIME.format(time));
        event.put("region", account.region());
        ArrayNode resources = event.putArray("resources");
        entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
        event.set("detail", detail);
        return new EventEntry(Registry.busName(entry.path("EventBusName").asText(null)), event, AwsJson.write(event));
    }

    /** The size AWS counts against the 256 KB limit of a PutEvents request. */
    static int size(JsonNode entry) {
        int size = entry.has("Time") ? 14 : 0;
        for (String member : new String[] {"Source", "DetailType", "Detail"}) {
            size += entry.path(member).asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode resource : entry.path("Resources")) {
            size += resource.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    private static String requiredText(JsonNode entry, String member) {
        JsonNode value = entry.path(member);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw entryError(
                    "InvalidArgument",
                    "Parameter " + member + " is not valid. Reason: " + member + " is a required argument.");
        }
        return value.asText();
    }

    private static EventBridgeException entryError(String code, String message) {
        return new EventBridgeException(code, 400, message);
    }
}
