package io.eventshop.infra.aws;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.EventBus;
import io.eventshop.topology.Rule;
import io.eventshop.topology.Topology;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What a service's task role may do: exactly what the service does, on its own resources. Each statement names the
 * ARNs it applies to; no messaging action has a {@code *} resource.
 *
 * <ul>
 *   <li>its queue: receive, delete, change visibility, and send (a redrive from the DLQ sends back to it);
 *   <li>its dead-letter queue: the same, to list and redrive dead letters ({@code /ops/dlq}) and to send a poison
 *       message there at once, plus SQS's message-move task that redrives a standard DLQ;
 *   <li>the topic: publish, and read its attributes and subscriptions (the start-up check);
 *   <li>the bus: put events, and describe it and the rules that deliver to its queue (the start-up check);
 *   <li>CloudWatch: put metric data in eventshop's namespace only;
 *   <li>X-Ray: put trace segments and telemetry records, for the trace collector in the task ({@link TraceCollector}).
 *       Neither action takes a resource. No sampling reads: the service decides what it samples.
 * </ul>
 *
 * The database login is not here: ECS reads the service's secret with the task's execution role when it starts it.
 */
final class TaskPermissions {

    static final List<String> QUEUE_ACTIONS = List.of(
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:GetQueueUrl",
            "sqs:GetQueueAttributes",
            "sqs:SendMessage");
    static final List<String> DEAD_LETTER_ACTIONS =
            List.of("sqs:StartMessageMoveTask", "sqs:ListMessageMoveTasks", "sqs:CancelMessageMoveTask");
    static final List<String> TOPIC_ACTIONS =
            List.of("sns:Publish", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic");
    static final List<String> BUS_ACTIONS = List.of("events:PutEvents", "events:DescribeEventBus");
    static final List<String> RULE_ACTIONS = List.of("events:DescribeRule", "events:ListTargetsByRule");
    static final List<String> TRACE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private TaskPermissions() {}

    static void grant(IRole role, ConsumerQueue queue, MessagingStack messaging, Topology topology) {
        String queueArn = messaging.queue(queue.name()).getQueueArn();
        String deadLetterArn = messaging.deadLetterQueueOf(queue.name()).getQueueArn();
        allow(role, QUEUE_ACTIONS, List.of(queueArn, deadLetterArn));
        allow(role, DEAD_LETTER_ACTIONS, List.of(deadLetterArn));
        allow(
                role,
                TOPIC_ACTIONS,
                topology.topics().stream()
                        .map(topic -> messaging.topic(topic.name()).getTopicArn())
                        .toList());
        for (EventBus bus : topology.eventBuses()) {
            allow(role, BUS_ACTIONS, List.of(messaging.eventBus(bus.name()).getEventBusArn()));
            List<String> rulesToQueue = bus.rules().stream()
                    .filter(rule -> delivers(rule, queue))
                    .map(rule -> messaging.rule(bus.name(), rule.name()).getAttrArn())
                    .toList();
            if (!rulesToQueue.isEmpty()) {
                allow(role, RULE_ACTIONS, rulesToQueue);
            }
        }
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", MonitoringStack.METRICS_NAMESPACE)))
                .build());
        allow(role, TRACE_ACTIONS, List.of("*"));
    }

    private static boolean delivers(Rule rule, ConsumerQueue queue) {
        return rule.targets().stream().anyMatch(target -> target.queue().equals(queue.name()));
    }

    private static void allow(IRole role, List<String> actions, List<String> resources) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(resources)
                .build());
    }
}
