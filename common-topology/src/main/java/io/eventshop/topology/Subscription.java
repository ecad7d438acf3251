package io.eventshop.topology;

import tools.jackson.databind.JsonNode;

/**
 * A subscription of a queue to a topic.
 *
 * @param topic the name of the topic
 * @param rawMessageDelivery whether SNS delivers the published body as is, with its message attributes as SQS
 *     message attributes, instead of wrapping both in an SNS notification
 * @param filterPolicy a JSON object over the message attributes; only matching messages are delivered
 */
public record Subscription(String topic, boolean rawMessageDelivery, JsonNode filterPolicy) {}
