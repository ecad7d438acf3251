package io.eventshop.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Checks a topology's names, types and references against what AWS accepts, collecting every problem. */
final class TopologyValidator {

    private static final int MAX_TARGETS_PER_RULE = 5;
    private static final Set<String> DEDUPLICATION_SCOPES = Set.of("messageGroup", "queue");
    private static final Set<String> THROUGHPUT_LIMITS = Set.of("perMessageGroupId", "perQueue");

    private final List<Topic> topics;
    private final List<ConsumerQueue> queues;
    private final List<EventBus> eventBuses;
    private final List<String> problems = new ArrayList<>();

    TopologyValidator(List<Topic> topics, List<ConsumerQueue> queues, List<EventBus> eventBuses) {
        this.topics = topics;
        this.queues = queues;
        this.eventBuses = eventBuses;
    }

    void validate() {
        Set<String> topicNames = new HashSet<>();
        for (Topic topic : topics) {
            String where = "topic " + topic.name();
            if (named(where, topic.name()) && !topicNames.add(topic.name())) {
                problems.add(where + ": declared twice");
            }
            fifoName(where, topic.name(), topic.fifo());
        }
        Set<String> queueNames = new HashSet<>();
        Set<String> consumers = new HashSet<>();
        for (ConsumerQueue queue : queues) {
            validateQueue(queue, queueNames);
            if (named("queue " + queue.name() + ": consumer", queue.consumer()) && !consumers.add(queue.consumer())) {
                problems.add("consumer " + queue.consumer() + ": has more than one queue");
            }
        }
        Set<String> busNames = new HashSet<>();
        for (EventBus bus : eventBuses) {
            String where = "event bus " + bus.name();
            if (named(where, bus.name()) && !busNames.add(bus.name())) {
                problems.add(where + ": declared twice");
            }
            validateArchive(where, bus.archive());
            Set<String> ruleNames = new HashSet<>();
            for (Rule rule : bus.rules()) {
                validateRule(where + " rule " + rule.name(), rule, ruleNames);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTopologyException(problems);
        }
    }

    private void validateQueue(ConsumerQueue queue, Set<String> queueNames) {
        String where = "queue " + queue.name();
        if (named(where, queue.name()) && !queueNames.add(queue.name())) {
            problems.add(where + ": declared twice");
        }
        fifoName(where, queue.name(), queue.fifo());
        if (queue.fifo()) {
            oneOf(where + ": deduplicationScope", queue.deduplicationScope(), DEDUPLICATION_SCOPES);
            oneOf(where + ": fifoThroughputLimit", queue.fifoThroughputLimit(), THROUGHPUT_LIMITS);
            if ("perMessageGroupId".equals(queue.fifoThroughputLimit())
                    && !"messageGroup".equals(queue.deduplicationScope())) {
                problems.add(where + ": fifoThroughputLimit perMessageGroupId needs deduplicationScope messageGroup");
            }
        } else if (queue.deduplicationScope() != null || queue.fifoThroughputLimit() != null) {
            problems.add(where + ": deduplicationScope and fifoThroughputLimit apply to FIFO queues only");
        }
        range(where + ": visibilityTimeoutSeconds", queue.visibilityTimeoutSeconds(), 1, 43_200);
        range(where + ": receiveWaitTimeSeconds", queue.receiveWaitTimeSeconds(), 0, 20);
        range(where + ": messageRetentionSeconds", queue.messageRetentionSeconds(), 60, 1_209_600);
        DeadLetterQueue dlq = queue.deadLetterQueue();
        if (dlq == null) {
            problems.add(where + ": has no deadLetterQueue");
        } else {
            String dlqWhere = where + " dead-letter queue " + dlq.name();
            if (named(dlqWhere, dlq.name()) && !queueNames.add(dlq.name())) {
                problems.add(dlqWhere + ": declared twice");
            }
            if (dlq.name() != null && dlq.name().endsWith(".fifo") != queue.fifo()) {
                problems.add(dlqWhere + ": must be " + (queue.fifo() ? "FIFO (name ending in .fifo)" : "standard")
                        + " like its source queue");
            }
            range(dlqWhere + ": maxReceiveCount", dlq.maxReceiveCount(), 1, 1000);
            range(dlqWhere + ": messageRetentionSeconds", dlq.messageRetentionSeconds(), 60, 1_209_600);
        }
        if (queue.subscription() != null) {
            validateSubscription(where, queue);
        }
    }

    private void validateSubscription(String where, ConsumerQueue queue) {
        Subscription subscription = queue.subscription();
        Topic topic = topics.stream()
                .filter(candidate -> candidate.name().equals(subscription.topic()))
                .findFirst()
                .orElse(null);
        if (topic == null) {
            problems.add(where + ": subscribes to undeclared topic " + subscription.topic());
        } else if (queue.fifo() && !topic.fifo()) {
            problems.add(where + ": a FIFO queue cannot subscribe to the standard topic " + topic.name());
        }
        if (subscription.filterPolicy() != null) {
            jsonObject(where + ": filterPolicy", subscription.filterPolicy());
        }
    }

    private void validateArchive(String where, Archive archive) {
        if (archive == null) {
            return;
        }
        String archiveWhere = where + " archive " + archive.name();
        named(archiveWhere, archive.name());
        if (archive.retentionDays() < 0) {
            problems.add(archiveWhere + ": retentionDays must be 0 (forever) or more");
        }
        if (archive.eventPattern() != null) {
            jsonObject(archiveWhere + ": eventPattern", archive.eventPattern());
        }
    }

    private void validateRule(String where, Rule rule, Set<String> ruleNames) {
        if (named(where, rule.name()) && !ruleNames.add(rule.name())) {
            problems.add(where + ": declared twice");
        }
        if (rule.eventPattern() == null) {
            problems.add(where + ": has no eventPattern");
        } else {
            jsonObject(where + ": eventPattern", rule.eventPattern());
        }
        if (rule.targets().isEmpty() || rule.targets().size() > MAX_TARGETS_PER_RULE) {
            problems.add(where + ": needs 1 to " + MAX_TARGETS_PER_RULE + " targets");
        }
        Set<String> targetIds = new HashSet<>();
        for (RuleTarget target : rule.targets()) {
            String targetWhere = where + " target " + target.id();
            if (named(targetWhere, target.id()) && !targetIds.add(target.id())) {
                problems.add(targetWhere + ": declared twice");
            }
            ConsumerQueue queue = queues.stream()
                    .filter(candidate -> candidate.name().equals(target.queue()))
                    .findFirst()
                    .orElse(null);
            if (queue == null) {
                problems.add(targetWhere + ": names undeclared queue " + target.queue());
            } else if (queue.fifo()) {
                problems.add(targetWhere + ": queue " + queue.name()
                        + " is FIFO; rule targets must be standard queues (a FIFO target needs a message group id)");
            }
        }
    }

    private boolean named(String where, String name) {
        if (name == null || name.isBlank()) {
            problems.add(where + ": has no name");
            return false;
        }
        return true;
    }

    private void fifoName(String where, String name, boolean fifo) {
        if (name != null && name.endsWith(".fifo") != fifo) {
            problems.add(where + ": " + (fifo ? "a FIFO name must end in .fifo" : "only a FIFO name may end in .fifo"));
        }
    }

    private void oneOf(String where, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problems.add(where + " must be one of " + allowed + " (was " + value + ")");
        }
    }

    private void range(String where, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(where + " must be between " + min + " and " + max + " (was " + value + ")");
        }
    }

    private void jsonObject(String where, JsonNode node) {
        if (!node.isObject()) {
            problems.add(where + " must be a JSON object (was " + node.getNodeType() + ")");
        }
    }
}
