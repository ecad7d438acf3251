package io.eventshop.messaging.topology;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.DeadLetterQueue;
import io.eventshop.topology.EventBus;
import io.eventshop.topology.Rule;
import io.eventshop.topology.Topic;
import io.eventshop.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Applies a {@link Topology} to an AWS endpoint (the devstack, LocalStack or AWS itself), or verifies that it is
 * there. Provisioning is idempotent: it creates what is missing, updates what differs, and reports both, so a second
 * run reports nothing. It never deletes anything.
 *
 * <p>Order matters: a dead-letter queue exists before the queue whose redrive policy names it, queues exist before
 * the subscriptions and rule targets that deliver to them.
 */
public final class TopologyProvisioner {

    private static final String SNS_PRINCIPAL = "sns.amazonaws.com";
    private static final String EVENTS_PRINCIPAL = "events.amazonaws.com";

    private final QueueProvisioning queues;
    private final TopicProvisioning topics;
    private final EventBusProvisioning eventBuses;

    public TopologyProvisioner(SqsClient sqs, SnsClient sns, EventBridgeClient events) {
        this.queues = new QueueProvisioning(sqs);
        this.topics = new TopicProvisioning(sns);
        this.eventBuses = new EventBusProvisioning(events);
    }

    /** Creates or updates every resource of the topology, and reports what changed. */
    public ProvisioningReport provision(Topology topology) {
        var report = new ProvisioningReport.Recorder();
        Map<String, String> queueArns = new LinkedHashMap<>();
        for (ConsumerQueue queue : topology.queues()) {
            DeadLetterQueue dlq = queue.deadLetterQueue();
            String dlqArn = queues.apply(dlq.name(), QueueProvisioning.attributesOf(dlq, queue.fifo()), report);
            AwsArns arns = AwsArns.of(dlqArn);
            String queueArn = arns.queue(queue.name());
            var policy = QueueAccessPolicy.of(queueArn, sendersTo(queue, topology, arns));
            queueArns.put(
                    queue.name(),
                    queues.apply(queue.name(), QueueProvisioning.attributesOf(queue, dlqArn, policy), report));
        }
        Map<String, String> topicArns = new LinkedHashMap<>();
        for (Topic topic : topology.topics()) {
            topicArns.put(topic.name(), topics.apply(topic, report));
        }
        for (ConsumerQueue queue : topology.queues()) {
            if (queue.subscription() != null) {
                String topicArn = topicArns.get(queue.subscription().topic());
                topics.subscribe(topicArn, queueArns.get(queue.name()), queue, report);
            }
        }
        for (EventBus bus : topology.eventBuses()) {
            String busArn = eventBuses.applyBus(bus, report);
            for (Rule rule : bus.rules()) {
                eventBuses.applyRule(bus, rule, report);
                Map<String, String> targets = new LinkedHashMap<>();
                rule.targets().forEach(target -> targets.put(target.id(), queueArns.get(target.queue())));
                eventBuses.applyTargets(bus, rule, targets, report);
            }
            if (bus.archive() != null) {
                eventBuses.applyArchive(busArn, bus.archive(), report);
            }
        }
        return report.report();
    }

    /**
     * Checks that every resource of the topology exists, without changing anything; topics are found by name with
     * ListTopics.
     *
     * @throws MissingTopologyException naming each missing resource
     */
    public void verify(Topology topology) {
        verify(topology, null);
    }

    /**
     * Checks that every resource of the topology exists, without changing anything, with calls that name the resource
     * they read (so that an IAM policy can allow them on that resource alone): SQS GetQueueUrl, GetQueueAttributes;
     * SNS GetTopicAttributes, ListSubscriptionsByTopic; EventBridge DescribeEventBus, DescribeRule, ListTargetsByRule,
     * DescribeArchive. ListTopics, which IAM cannot limit to one topic, is called only when no topic ARN is known.
     *
     * @param knownTopicArn the ARN of a topic, from which the topics' ARNs are derived (same partition, region and
     *     account); {@code null} to find the topics by name with ListTopics
     * @throws MissingTopologyException naming each missing resource
     */
    public void verify(Topology topology, @Nullable String knownTopicArn) {
        AwsArns arns = knownTopicArn == null ? null : AwsArns.of(knownTopicArn);
        List<String> missing = new ArrayList<>();
        for (ConsumerQueue queue : topology.queues()) {
            for (String name : List.of(queue.deadLetterQueue().name(), queue.name())) {
                if (!queues.exists(name)) {
                    missing.add(ResourceKind.SQS_QUEUE + " " + name);
                }
            }
        }
        for (Topic topic : topology.topics()) {
            Optional<String> topicArn =
                    arns == null ? topics.arnOf(topic.name()) : topics.existing(arns.topic(topic.name()));
            if (topicArn.isEmpty()) {
                missing.add(ResourceKind.SNS_TOPIC + " " + topic.name());
                continue;
            }
            for (ConsumerQueue queue : subscribersOf(topic, topology)) {
                String queueArn = queues.arnOf(queue.name()).orElse(null);
                if (queueArn != null
                        && topics.subscriptionArn(topicArn.get(), queueArn).isEmpty()) {
                    missing.add(ResourceKind.SNS_SUBSCRIPTION + " " + topic.name() + " -> " + queue.name());
                }
            }
        }
        for (EventBus bus : topology.eventBuses()) {
            verifyBus(bus, missing);
        }
        if (!missing.isEmpty()) {
            throw new MissingTopologyException(missing);
        }
    }

    private void verifyBus(EventBus bus, List<String> missing) {
        if (!eventBuses.busExists(bus.name())) {
            missing.add(ResourceKind.EVENT_BUS + " " + bus.name());
            return;
        }
        for (Rule rule : bus.rules()) {
            if (!eventBuses.ruleExists(bus, rule)) {
                missing.add(ResourceKind.EVENT_RULE + " " + bus.name() + "/" + rule.name());
                continue;
            }
            var targets = eventBuses.targetsOf(bus, rule);
            rule.targets().stream()
                    .filter(target -> !targets.containsKey(target.id()))
                    .forEach(target -> missing.add(
                            ResourceKind.EVENT_TARGET + " " + bus.name() + "/" + rule.name() + "/" + target.id()));
        }
        if (bus.archive() != null && !eventBuses.archiveExists(bus.archive().name())) {
            missing.add(ResourceKind.EVENT_ARCHIVE + " " + bus.archive().name());
        }
    }

    /** The ARNs of the topic and rules that deliver to the queue, each with its service principal. */
    private static Map<String, String> sendersTo(ConsumerQueue queue, Topology topology, AwsArns arns) {
        Map<String, String> senders = new LinkedHashMap<>();
        if (queue.subscription() != null) {
            senders.put(arns.topic(queue.subscription().topic()), SNS_PRINCIPAL);
        }
        for (EventBus bus : topology.eventBuses()) {
            for (Rule rule : bus.rules()) {
                if (rule.targets().stream().anyMatch(target -> target.queue().equals(queue.name()))) {
                    senders.put(arns.rule(bus.name(), rule.name()), EVENTS_PRINCIPAL);
                }
            }
        }
        return senders;
    }

    private static List<ConsumerQueue> subscribersOf(Topic topic, Topology topology) {
        return topology.queues().stream()
                .filter(queue -> queue.subscription() != null
                        && queue.subscription().topic().equals(topic.name()))
                .toList();
    }
}
