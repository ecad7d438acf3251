package io.eventshop.infra.aws;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

/**
 * The dashboard of the saga, end to end: orders placed and their outcomes, then every queue's depth and oldest
 * message, the dead-letter queues, and each relay's lag and backlog.
 */
final class SagaDashboard extends Construct {

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
        dashboard.addWidgets(heading("## Orders"));
        dashboard.addWidgets(
                graph(
                        "Orders placed (requests to /orders) and their outcomes",
                        List.of(
                                services.targetGroup("order-service")
                                        .getMetrics()
                                        .requestCount(MetricOptions.builder()
                                                .label("requests to /orders")
                                                .statistic("Sum")
                                                .period(MonitoringStack.PERIOD)
                                                .build()),
                                outcome("CONFIRMED"),
                                outcome("CANCELLED"))),
                graph(
                        "Server errors",
                        List.of(services.loadBalancer()
                                .getMetrics()
                                .httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, MonitoringStack.sum()))));
        dashboard.addWidgets(heading("## Queues"));
        dashboard.addWidgets(graph("Messages waiting", depths), graph("Oldest message (seconds)", ages));
        dashboard.addWidgets(
                graph("Dead letters", deadLetters), graph("Relay: oldest unpublished event (seconds)", relayLag));
        dashboard.addWidgets(graph("Relay: events waiting", relayBacklog));
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
                .period(MonitoringStack.PERIOD)
                .label(status)
                .build();
    }

    private static MetricOptions labelled(String label) {
        return MetricOptions.builder()
                .label(label)
                .statistic("Maximum")
                .period(MonitoringStack.PERIOD)
                .build();
    }

    private static TextWidget heading(String markdown) {
        return TextWidget.Builder.create()
                .markdown(markdown)
                .width(24)
                .height(1)
                .build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(metrics)
                .width(12)
                .height(6)
                .build();
    }
}
