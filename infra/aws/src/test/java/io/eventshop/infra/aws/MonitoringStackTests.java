package io.eventshop.infra.aws;

import static io.eventshop.infra.aws.Synthesized.elements;
import static io.eventshop.infra.aws.Synthesized.logicalId;
import static io.eventshop.infra.aws.Synthesized.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.infra.aws.EventshopApp.EventshopStacks;
import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Rule;
import io.eventshop.topology.Topology;
import java.util.Collection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every dead-letter queue, queue, rule, the topic, the load balancer and each relay have an alarm that notifies. */
class MonitoringStackTests {

    private static EventshopStacks stacks;
    private static Topology topology;
    private static JsonNode template;

    @BeforeAll
    static void synthesize() {
        Synthesized app = Synthesized.withDefaults();
        stacks = app.stacks;
        topology = app.topology;
        template = Synthesized.template(stacks.monitoring());
    }

    @Test
    void everyDeadLetterQueueHasAnAlarmOnItsFirstMessage() {
        MessagingStack messaging = stacks.messaging();
        for (ConsumerQueue queue : topology.queues()) {
            JsonNode deadLetters =
                    alarmOn("ApproximateNumberOfMessagesVisible", logicalId(messaging.deadLetterQueueOf(queue.name())));
            assertThat(deadLetters).as(queue.deadLetterQueue().name()).isNotNull();
            assertThat(deadLetters.path("Threshold").asInt()).isEqualTo(1);
            assertThat(alarmOn("ApproximateAgeOfOldestMessage", logicalId(messaging.queue(queue.name()))))
                    .as(queue.name())
                    .isNotNull();
        }
        for (Rule rule : topology.eventBuses().getFirst().rules()) {
            assertThat(alarmOn(
                            "ApproximateNumberOfMessagesVisible",
                            logicalId(messaging.ruleTargetDeadLetterQueue("eventshop", rule.name()))))
                    .as(rule.name())
                    .isNotNull();
            assertThat(alarmOn("FailedInvocations", rule.name())).isNotNull();
        }
    }

    @Test
    void theTopicTheLoadBalancerAndEachRelayHaveAlarms() {
        assertThat(alarmOn("NumberOfNotificationsFailed", "order-events.fifo")).isNotNull();
        assertThat(alarmOn("HTTPCode_ELB_5XX_Count", "LoadBalancer")).isNotNull();
        assertThat(alarmOn("HTTPCode_Target_5XX_Count", "LoadBalancer")).isNotNull();
        for (EventshopService service : EventshopService.ALL) {
            assertThat(alarmOn("eventshop.outbox.oldest.age", service.name())).isNotNull();
            assertThat(alarmOn("eventshop.outbox.pending", service.name())).isNotNull();
        }
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        String topic = logicalId(stacks.monitoring().alarmTopic());
        Collection<JsonNode> alarms =
                resources(template, "AWS::CloudWatch::Alarm").values();
        assertThat(alarms).hasSize(stacks.monitoring().alarms().size());
        assertThat(alarms).allSatisfy(alarm -> assertThat(elements(alarm.path("AlarmActions")))
                .singleElement()
                .satisfies(action -> assertThat(action.toString()).contains(topic)));
    }

    @Test
    void theDashboardShowsTheSagaEndToEnd() {
        JsonNode dashboard = resources(template, "AWS::CloudWatch::Dashboard")
                .values()
                .iterator()
                .next();
        String body = dashboard.path("DashboardBody").toString();
        assertThat(body)
                .contains("eventshop.orders.outcomes", "ApproximateNumberOfMessagesVisible")
                .contains("ApproximateAgeOfOldestMessage", "eventshop.outbox.oldest.age", "RequestCount");
        for (ConsumerQueue queue : topology.queues()) {
            assertThat(body).contains(queue.deadLetterQueue().name());
        }
    }

    /** The alarm on the named metric whose definition mentions the given resource, or null. */
    private static JsonNode alarmOn(String metric, String resource) {
        return resources(template, "AWS::CloudWatch::Alarm").values().stream()
                .filter(alarm -> alarm.path("MetricName").asString().equals(metric)
                        && alarm.toString().contains(resource))
                .findFirst()
                .orElse(null);
    }
}
