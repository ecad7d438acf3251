package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code InputTransformer}: values picked from the event by {@code InputPathsMap}, put into {@code InputTemplate} at
 * their {@code <name>} placeholders.
 *
 * <p>How a value is written depends on where its placeholder stands, as in EventBridge. Inside a JSON string a string
 * value goes in without quotes, JSON-escaped; elsewhere in a JSON template it goes in as JSON (a string quoted, an
 * object or number as it is). A template that is not JSON (it starts with neither {@code {}, {@code [} nor a quote)
 * is text, and values go in as they are. A placeholder whose path the event lacks becomes {@code null}, or nothing
 * inside a string; a placeholder that names no variable is left alone.
 */
record InputTransformation(Map<String, EventPath> paths, String template) implements TargetInput {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final int MAX_VARIABLES = 100;

    InputTransformation {
        paths = Map.copyOf(paths);
    }

    static InputTransformation of(JsonNode transformer) {
        JsonNode template = transformer.path("InputTemplate");
        if (!template.isTextual()) {
            throw EventBridgeException.validation("InputTransformer must have an InputTemplate.");
        }
        Map<String, EventPath> paths = new LinkedHashMap<>();
        for (var entry : transformer.path("InputPathsMap").properties()) {
            String name = entry.getKey();
            if (!VARIABLE.matcher(name).matches() || name.startsWith("aws.")) {
                throw EventBridgeException.validation("InputPathsMap has an invalid key: " + name + ".");
            }
            paths.put(name, EventPath.parse(entry.getValue().asText()));
        }
        if (paths.size() > MAX_VARIABLES) {
            throw EventBridgeException.validation("InputPathsMap has more than 100 entries.");
        }
        return new InputTransformation(paths, template.asText());
    }

    @Override
    public String render(RoutedEvent routed) {
        Map<String, JsonNode> values = new HashMap<>();
        paths.forEach((name, path) -> values.put(name, path.select(routed.event())));
        values.put("aws.events.rule-arn", TextNode.valueOf(routed.ruleArn()));
        values.put("aws.events.rule-name", TextNode.valueOf(routed.ruleName()));
        values.put(
                "aws.events.event.ingestion-time",
                TextNode.valueOf(
                        DateTimeFormatter.ISO_INSTANT.format(routed.ingestedAt().truncatedTo(ChronoUnit.MILLIS))));
        values.put("aws.events.event", routed.event());
        values.put("aws.events.event.json", TextNode.valueOf(routed.json()));
        return fill(values);
    }

    private String fill(Map<String, JsonNode> values) {
        String trimmed = template.strip();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
        StringBuilder out = new StringBuilder(template.length());
        boolean inString = false;
        for (int at = 0; at < template.length(); at++) {
            char c = template.charAt(at);
            if (json && inString && c == '\\' && at + 1 < template.length()) {
                out.append(c).append(template.charAt(++at));
                continue;
            }
            if (json && c == '"') {
                inString = !inString;
            }
            if (c == '<') {
                int end = template.indexOf('>', at);
                String name = end < 0 ? "" : template.substring(at + 1, end);
                if (values.containsKey(name)) {
                    out.append(placed(values.get(name), json, inString));
                    at = end;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String placed(JsonNode value, boolean json, boolean inString) {
        if (value == null || value.isMissingNode() || value instanceof MissingNode) {
            return json && !inString ? "null" : "";
        }
        if (!json) {
            return value.isTextual() ? value.asText() : AwsJson.write(value);
        }
        if (inString) {
            String text = value.isTextual() ? value.asText() : AwsJson.write(value);
            String quoted = AwsJson.write(TextNode.valueOf(text));
            return quoted.substring(1, quoted.length() - 1);
        }
        return AwsJson.write(value);
    }
}
