package io.eventshop.messaging.topology;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access policy of a consumer queue: it lets its SNS topic and its EventBridge rules send to it. On AWS, a
 * subscription or a rule target delivers nothing without it; local endpoints accept and ignore it.
 */
final class QueueAccessPolicy {

    private QueueAccessPolicy() {}

    /**
     * A policy allowing each source ARN to send to the queue, or {@code null} when nothing sends to it through AWS.
     *
     * @param queueArn the queue's ARN
     * @param sources each sender's ARN, mapped to its service principal such as {@code sns.amazonaws.com}
     */
    static JsonNode of(String queueArn, Map<String, String> sources) {
        if (sources.isEmpty()) {
            return null;
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode statements = json.arrayNode();
        sources.forEach((sourceArn, principal) -> {
            ObjectNode statement = statements.addObject();
            statement.put("Sid", sid(sourceArn));
            statement.put("Effect", "Allow");
            statement.putObject("Principal").put("Service", principal);
            statement.put("Action", "sqs:SendMessage");
            statement.put("Resource", queueArn);
            statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", sourceArn);
        });
        ObjectNode policy = json.objectNode();
        policy.put("Version", "2012-10-17");
        policy.set("Statement", statements);
        return policy;
    }

    /** A statement id from the source's resource name; Sids allow letters and digits only. */
    private static String sid(String sourceArn) {
        String resource = sourceArn.substring(sourceArn.lastIndexOf(':') + 1);
        return "Allow" + resource.replaceAll("[^A-Za-z0-9]", "");
    }
}
