/**
 * The provisioner that creates or verifies the topology's topics, queues, subscriptions, event buses, rules and
 * archives at start-up, from the model in {@code io.eventshop.topology}.
 */
package io.eventshop.messaging.topology;
