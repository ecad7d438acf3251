package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset that EventBridge accepts in {@code InputPath} and {@code InputPathsMap}: {@code $}, then
 * {@code .name}, {@code ['name']} and {@code [index]} steps, such as {@code $.detail.items[0].sku}.
 */
record EventPath(String expression, List<Object> steps) {

    EventPath {
        steps = List.copyOf(steps);
    }

    static EventPath parse(String expression) {
        if (expression == null || !expression.startsWith("$")) {
            throw invalid(expression);
        }
        List<Object> steps = new ArrayList<>();
        int at = 1;
        while (at < expression.length()) {
            char c = expression.charAt(at);
            if (c == '.') {
                int end = at + 1;
                while (end < expression.length() && expression.charAt(end) != '.' && expression.charAt(end) != '[') {
                    end++;
                }
                if (end == at + 1) {
                    throw invalid(expression);
                }
                steps.add(expression.substring(at + 1, end));
                at = end;
            } else if (c == '[') {
                int end = expression.indexOf(']', at);
                if (end < 0) {
                    throw invalid(expression);
                }
                steps.add(bracketStep(expression, expression.substring(at + 1, end)));
                at = end + 1;
            } else {
                throw invalid(expression);
            }
        }
        return new EventPath(expression, steps);
    }

    /** The value at this path, or a missing node when the event has none there. */
    JsonNode select(JsonNode root) {
        JsonNode current = root;
        for (Object step : steps) {
            current = step instanceof Integer index ? current.path(index) : current.path((String) step);
            if (current.isMissingNode()) {
                return MissingNode.getInstance();
            }
        }
        return current;
    }

    private static Object bracketStep(String expression, String inside) {
        if (inside.length() >= 2 && inside.startsWith("'") && inside.endsWith("'")) {
            return inside.substring(1, inside.length() - 1);
        }
        try {
            return Integer.valueOf(inside);
        } catch (NumberFormatException e) {
            throw invalid(expression);
        }
    }

    private static EventBridgeException invalid(String expression) {
        return EventBridgeException.validation("The JSON path " + expression + " is not valid.");
    }
}
