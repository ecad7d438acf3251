package io.eventshop.topology;

/**
 * A target of an EventBridge rule: one of the declared queues, which receives the whole event as its body.
 *
 * @param id the target id, unique within its rule
 * @param queue the name of a standard queue declared in the topology
 */
public record RuleTarget(String id, String queue) {}
