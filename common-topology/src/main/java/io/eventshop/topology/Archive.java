package io.eventshop.topology;

import tools.jackson.databind.JsonNode;

/**
 * An EventBridge archive of the events on a bus, from which they can be replayed.
 *
 * @param name the archive name
 * @param retentionDays how long events are kept; 0 keeps them forever
 * @param eventPattern the events to archive
 */
public record Archive(String name, int retentionDays, JsonNode eventPattern) {}
