package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code InputPath}: the part of the event at a JSON path, as JSON text. A string comes out quoted, and a path that
 * the event lacks gives {@code null}.
 */
record InputPath(EventPath path) implements TargetInput {

    @Override
    public String render(RoutedEvent routed) {
        JsonNode selected = path.select(routed.event());
        return selected.isMissingNode() ? "null" : AwsJson.write(selected);
    }
}
