package io.eventshop.devstack.aws.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What one Publish, or one PublishBatch entry, asks for, validated against the topic: the message, subject,
 * attributes, and the FIFO ids that the topic's kind calls for.
 */
record PublishInput(
        String message,
        String subject,
        Map<String, MessageAttribute> attributes,
        String messageGroupId,
        String deduplicationId) {

    /** A message is at most 256 KB, counting its attributes' names, types and values. */
    static final int MAX_BYTES = 256 * 1024;

    private static final int MAX_SUBJECT_LENGTH = 100;
    private static final int MAX_ID_LENGTH = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    static PublishInput read(QueryParameters parameters, Topic topic) {
        String message = parameters.optional("Message");
        if (message == null || message.isEmpty()) {
            throw SnsException.invalidParameter("Invalid parameter: Empty message");
        }
        String subject = parameters.optional("Subject");
        if (subject != null
                && (subject.isBlank()
                        || subject.length() >= MAX_SUBJECT_LENGTH
                        || subject.contains("\n")
                        || subject.contains("\r"))) {
            throw SnsException.invalidParameter("Invalid parameter: Subject");
        }
        Map<String, MessageAttribute> attributes = MessageAttribute.from(parameters);
        if (message.getBytes(StandardCharsets.UTF_8).length + MessageAttribute.size(attributes.values()) > MAX_BYTES) {
            throw SnsException.invalidParameter("Invalid parameter: Message too long");
        }
        if ("json".equals(parameters.optional("MessageStructure"))) {
            message = forSqs(message);
        }
        String groupId = parameters.optional("MessageGroupId");
        String deduplicationId = parameters.optional("MessageDeduplicationId");
        checkLength("MessageGroupId", groupId);
        checkLength("MessageDeduplicationId", deduplicationId);
        if (topic.fifo()) {
            if (groupId == null || groupId.isEmpty()) {
                throw SnsException.invalidParameter(
                        "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
            }
            if (deduplicationId == null && !topic.contentBasedDeduplication()) {
                throw SnsException.invalidParameter("Invalid parameter: The topic should either have "
                        + "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
        } else if (deduplicationId != null) {
            throw SnsException.invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request "
                    + "includes MessageDeduplicationId parameter that is not valid for this topic type");
        }
        return new PublishInput(message, subject, attributes, groupId, deduplicationId);
    }

    /** The size that counts toward a PublishBatch's 256 KB, read before any entry is validated. */
    static long rawSize(QueryParameters entry) {
        long size = bytes(entry.optional("Message"));
        for (QueryParameters attribute : entry.entries("MessageAttributes")) {
            size += bytes(attribute.optional("Name"))
                    + bytes(attribute.optional("Value.DataType"))
                    + bytes(attribute.optional("Value.StringValue"))
                    + bytes(attribute.optional("Value.BinaryValue")) * 3L / 4;
        }
        return size;
    }

    /** With MessageStructure=json, SQS subscribers get the "sqs" entry, or else the "default" one. */
    private static String forSqs(String message) {
        JsonNode structure;
        try {
            structure = JSON.readTree(message);
        } catch (Exception e) {
            throw SnsException.invalidParameter(
                    "Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (structure == null
                || !structure.isObject()
                || !structure.path("default").isTextual()) {
            throw SnsException.invalidParameter(
                    "Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        return structure.path("sqs").isTextual()
                ? structure.get("sqs").asText()
                : structure.get("default").asText();
    }

    private static void checkLength(String parameter, String value) {
        if (value != null && (value.isEmpty() || value.length() > MAX_ID_LENGTH)) {
            throw SnsException.invalidParameter("Invalid parameter: " + parameter + " Reason: must be between 1 and "
                    + MAX_ID_LENGTH + " characters long");
        }
    }

    private static long bytes(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
