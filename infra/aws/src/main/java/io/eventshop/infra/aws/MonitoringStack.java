package io.eventshop.infra.aws;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.EventBus;
import io.eventshop.topology.Rule;
import io.eventshop.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Alarms and a dashboard. Every alarm notifies one SNS topic ({@code alarmEmail} subscribes an address to it):
 *
 * <ul>
 *   <li>each dead-letter queue, including those of the rule targets, on its first message;
 *   <li>each consumer queue, when its oldest message is older than {@link #OLDEST_MESSAGE_AGE};
 *   <li>each rule's failed invocations, and the topic's failed deliveries;
 *   <li>the load balancer's 5xx answers, its own and the services';
 *   <li>each service's relay, on the age of its oldest unpublished event and on its backlog, from the metrics the
 *       services export to CloudWatch under {@link #METRICS_NAMESPACE}.
 * </ul>
 */
public class MonitoringStack extends Stack {

    /** The CloudWatch namespace of the services' own metrics (Micrometer's CloudWatch registry). */
    static final String METRICS_NAMESPACE = "eventshop";

    static final Duration OLDEST_MESSAGE_AGE = Duration.minutes(5);
    static final Duration RELAY_LAG = Duration.minutes(1);
    static final int RELAY_BACKLOG = 1000;
    static final int SERVER_ERRORS_PER_MINUTE = 5;

    /** The period of every alarm and graph. */
    static final Duration PERIOD = Duration.minutes(1);

    private final Topic alarms;
    private final List<Alarm> all = new ArrayList<>();
    private final Dashboard dashboard;

    public MonitoringStack(
            Construct scope,
            String id,
            StackProps props,
            DeploymentSettings settings,
            MessagingStack messaging,
            ServicesStack services,
            Topology topology) {
        super(scope, id, props);
        this.alarms = Topic.Builder.create(this, "Alarms")
                .displayName("eventshop alarms")
                .masterKey(Alias.fromAliasName(this, "AlarmsKey", "alias/aws/sns"))
                .enforceSsl(true)
                .build();
        settings.alarmEmail().ifPresent(address -> alarms.addSubscription(new EmailSubscription(address)));

        for (ConsumerQueue queue : topology.queues()) {
            Queue source = messaging.queue(queue.name());
            deadLetterAlarm(queue.deadLetterQueue().name(), messaging.deadLetterQueueOf(queue.name()));
            alarm(
                    "OldestMessage-" + queue.name(),
                    "The oldest message in " + queue.name() + " waits longer than " + OLDEST_MESSAGE_AGE.toMinutes()
                            + " minutes: its consumer is stuck, down or too slow.",
                    source.metricApproximateAgeOfOldestMessage(maximum()),
                    OLDEST_MESSAGE_AGE.toSeconds(),
                    3);
        }
        for (EventBus bus : topology.eventBuses()) {
            for (Rule rule : bus.rules()) {
                deadLetterAlarm(
                        bus.name() + "-" + rule.name() + "-target-dlq",
                        messaging.ruleTargetDeadLetterQueue(bus.name(), rule.name()));
                alarm(
                        "FailedInvocations-" + rule.name(),
                        "EventBridge could not deliver events of rule " + rule.name() + " to a target.",
                        Metric.Builder.create()
                                .namespace("AWS/Events")
                                .metricName("FailedInvocations")
                                .dimensionsMap(Map.of("RuleName", rule.name(), "EventBusName", bus.name()))
                                .statistic("Sum")
                                .period(PERIOD)
                                .build(),
                        1,
                        1);
            }
        }
        topology.topics()
                .forEach(topic -> alarm(
                        "FailedDeliveries-" + topic.name(),
                        "SNS could not deliver messages of " + topic.name() + " to a subscribed queue.",
                        messaging.topic(topic.name()).metricNumberOfNotificationsFailed(sum()),
                        1,
                        1));
        alarm(
                "LoadBalancer5xx",
                "The load balancer answered 5xx itself: no healthy task, or a task that did not answer.",
                services.loadBalancer().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sum()),
                SERVER_ERRORS_PER_MINUTE,
                2);
        alarm(
                "Services5xx",
                "The services answered 5xx.",
                services.loadBalancer().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum()),
                SERVER_ERRORS_PER_MINUTE,
                2);
        for (EventshopService service : EventshopService.ALL) {
            alarm(
                    "RelayLag-" + service.name(),
                    "The oldest event in the outbox of " + service.name() + " is unpublished for over "
                            + RELAY_LAG.toSeconds() + " seconds.",
                    serviceMetric("eventshop.outbox.oldest.age", service),
                    RELAY_LAG.toSeconds(),
                    3);
            alarm(
                    "RelayBacklog-" + service.name(),
                    "Over " + RELAY_BACKLOG + " events wait in the outbox of " + service.name() + ".",
                    serviceMetric("eventshop.outbox.pending", service),
                    RELAY_BACKLOG,
                    3);
        }
        this.dashboard = new SagaDashboard(this, "Dashboard", messaging, services, topology).dashboard();
        CfnOutput.Builder.create(this, "AlarmTopicArn")
                .description("Subscribe to it to be told about every alarm")
                .value(alarms.getTopicArn())
                .build();
    }

    /** Every alarm. */
    public List<Alarm> alarms() {
        return List.copyOf(all);
    }

    /** The topic that every alarm notifies. */
    public Topic alarmTopic() {
        return alarms;
    }

    /** The dashboard. */
    public Dashboard dashboard() {
        return dashboard;
    }

    /** A metric that a service exports, with the {@code service} dimension that tells the services apart. */
    static Metric serviceMetric(String name, EventshopService service) {
        return Metric.Builder.create()
                .namespace(METRICS_NAMESPACE)
                .metricName(name)
                .dimensionsMap(Map.of("service", service.name()))
                .statistic("Maximum")
                .period(PERIOD)
                .build();
    }

    private void deadLetterAlarm(String name, Queue deadLetterQueue) {
        alarm(
                "DeadLetters-" + name,
                "A message reached the dead-letter queue " + name + ". List and redrive it with /ops/dlq.",
                deadLetterQueue.metricApproximateNumberOfMessagesVisible(maximum()),
                1,
                1);
    }

    private void alarm(String name, String description, IMetric metric, Number threshold, int periods) {
        Alarm alarm = Alarm.Builder.create(this, name.replaceAll("[^A-Za-z0-9-]", "-"))
                .alarmName("eventshop-" + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(alarms));
        all.add(alarm);
    }

    static MetricOptions maximum() {
        return MetricOptions.builder().statistic("Maximum").period(PERIOD).build();
    }

    static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }
}
