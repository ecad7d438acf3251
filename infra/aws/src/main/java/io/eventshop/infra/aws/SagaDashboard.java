package io.eventshop.infra.aws;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

/**
 * The dashboard of the saga, end to end: orders placed and their outcomes, then every queue's depth and oldest
 * message, the dead-letter queues, and each relay's lag and backlog.
 */
final class SagaDashboard extends Construct {

    private static final Duration PERIOD = Duration.minutes(1);

    private final Dashboard dashboard;

    SagaDashboard(Construct scope, String id, MessagingStack messaging, ServicesStack services, Topology topology) {
        super(scope, id);
        this.dashboard = Dashboard.Builder.create(this, "Saga")
                .dashboardName("eventshop-saga")
                .build();
        List<IMetric> depths = new ArrayList<>();
        List<IMetric> ages = new ArrayList<>();
        List<IMetric> deadLetters = new ArrayList<>();
        for (ConsumerQueue queue : topology.queues()) {
            depths.add(messaging.queue(queue.name()).metricApproximateNumberOfMessagesVisible(labelled(queue.name())));
            ages.add(messaging.queue(queue.name()).metricApproximateAgeOfOldestMessage(labelled(queue.name())));
            deadLetters.add(messaging
                    .deadLetterQueueOf(queue.name())
                    .metricApproximateNumberOfMessagesVisible(
                            labelled(queue.deadLetterQueue().name())));
        }
        List<IMetric> relayLag = new ArrayList<>();
        List<IMetric> relayBacklog = new ArrayList<>();
        for (EventshopService service : EventshopService.ALL) {
            relayLag.add(MonitoringStack.serviceMetric("eventshop.outbox.oldest.age", service));
            relayBacklog.add(MonitoringStack.serviceMetric("eventshop.outbox.pending", service));
        }
        dashboard.addWidgets(MonitoringStack.heading("## Orders"));
        dashboard.addWidgets(
                MonitoringStack.graph(
                        "Orders placed (requests to /orders) and their outcomes",
                        List.of(
                                services.targetGroup("order-service")
                                        .getMetrics()
                                        .requestCount(MetricOptions.builder()
                                                .label("requests to /orders")
                                                .statistic("Sum")
                                                .period(PERIOD)
                                                .build()),
                                outcome("CONFIRMED"),
                                outcome("CANCELLED"))),
                MonitoringStack.graph(
                        "Server errors",
                        List.of(services.loadBalancer()
                                .getMetrics()
                                .httpCodeTarget(
                                        HttpCodeTarget.TARGET_5XX_COUNT,
                                        MetricOptions.builder()
                                                .statistic("Sum")
                                                .period(PERIOD)
                                                .build()))));
        dashboard.addWidgets(MonitoringStack.heading("## Queues"));
        dashboard.addWidgets(
                MonitoringStack.graph("Messages waiting", depths),
                MonitoringStack.graph("Oldest message (seconds)", ages));
        dashboard.addWidgets(
                MonitoringStack.graph("Dead letters", deadLetters),
                MonitoringStack.graph("Relay: oldest unpublished event (seconds)", relayLag));
        dashboard.addWidgets(MonitoringStack.graph("Relay: events waiting", relayBacklog));
    }

    Dashboard dashboard() {
        return dashboard;
    }

    private static Metric outcome(String status) {
        return Metric.Builder.create()
                .namespace(MonitoringStack.METRICS_NAMESPACE)
                .metricName("eventshop.orders.outcomes")
                .dimensionsMap(Map.of("service", "order-service", "status", status))
                .statistic("Sum")
                .period(PERIOD)
                .label(status)
                .build();
    }

    private static MetricOptions labelled(String label) {
        return MetricOptions.builder()
                .label(label)
                .statistic("Maximum")
                .period(PERIOD)
                .build();
    }
}
