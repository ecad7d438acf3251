/**
 * The messaging topology declared in {@code infra/topology.yaml}: its typed model, and the provisioner that creates
 * or verifies its topics, queues, subscriptions, event buses, rules and archives at start-up.
 */
package io.eventshop.messaging.topology;
