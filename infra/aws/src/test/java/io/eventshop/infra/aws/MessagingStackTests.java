package io.eventshop.infra.aws;

import static io.eventshop.infra.aws.Synthesized.elements;
import static io.eventshop.infra.aws.Synthesized.logicalId;
import static io.eventshop.infra.aws.Synthesized.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.EventBus;
import io.eventshop.topology.Rule;
import io.eventshop.topology.RuleTarget;
import io.eventshop.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import tools.jackson.databind.JsonNode;

/** The messaging stack holds exactly what topology.yaml declares, with the same settings, and nothing else. */
class MessagingStackTests {

    private static Topology topology;
    private static MessagingStack stack;
    private static JsonNode template;

    @BeforeAll
    static void synthesize() {
        Synthesized app = Synthesized.withDefaults();
        stack = app.stacks.messaging();
        topology = app.topology;
        template = Synthesized.template(stack);
    }

    @Test
    void everyQueueAndDeadLetterQueueOfTheTopologyIsThereWithItsSettings() {
        Map<String, JsonNode> queues = resources(template, "AWS::SQS::Queue");
        for (ConsumerQueue declared : topology.queues()) {
            JsonNode queue = queues.get(logicalId(stack.queue(declared.name())));
            assertThat(queue).as(declared.name()).isNotNull();
            assertThat(queue.path("QueueName").asString()).isEqualTo(declared.name());
            assertThat(queue.path("FifoQueue").asBoolean(false)).isEqualTo(declared.fifo());
            assertThat(queue.path("VisibilityTimeout").asInt()).isEqualTo(declared.visibilityTimeoutSeconds());
            assertThat(queue.path("ReceiveMessageWaitTimeSeconds").asInt())
                    .isEqualTo(declared.receiveWaitTimeSeconds());
            assertThat(queue.path("MessageRetentionPeriod").asInt()).isEqualTo(declared.messageRetentionSeconds());
            if (declared.fifo()) {
                assertThat(queue.path("DeduplicationScope").asString()).isEqualTo(declared.deduplicationScope());
                assertThat(queue.path("FifoThroughputLimit").asString()).isEqualTo(declared.fifoThroughputLimit());
            }
            JsonNode redrive = queue.path("RedrivePolicy");
            assertThat(redrive.path("maxReceiveCount").asInt())
                    .isEqualTo(declared.deadLetterQueue().maxReceiveCount());
            String deadLetterId = logicalId(stack.deadLetterQueueOf(declared.name()));
            assertThat(redrive.path("deadLetterTargetArn").toString()).contains(deadLetterId);

            JsonNode deadLetters = queues.get(deadLetterId);
            assertThat(deadLetters.path("QueueName").asString())
                    .isEqualTo(declared.deadLetterQueue().name());
            assertThat(deadLetters.path("FifoQueue").asBoolean(false)).isEqualTo(declared.fifo());
            assertThat(deadLetters.path("MessageRetentionPeriod").asInt())
                    .isEqualTo(declared.deadLetterQueue().messageRetentionSeconds());
        }
        int ruleTargetDeadLetterQueues = topology.eventBuses().stream()
                .mapToInt(bus -> bus.rules().size())
                .sum();
        assertThat(queues).hasSize(topology.queues().size() * 2 + ruleTargetDeadLetterQueues);
    }

    @Test
    void everySubscriptionDeliversRawWithTheDeclaredFilterPolicy() {
        Map<String, JsonNode> subscriptions = resources(template, "AWS::SNS::Subscription");
        long declared = topology.queues().stream()
                .filter(queue -> queue.subscription() != null)
                .count();
        assertThat(subscriptions).hasSize((int) declared);
        for (ConsumerQueue queue : topology.queues()) {
            if (queue.subscription() == null) {
                continue;
            }
            String queueId = logicalId(stack.queue(queue.name()));
            JsonNode subscription = subscriptions.values().stream()
                    .filter(candidate -> candidate.path("Endpoint").toString().contains(queueId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no subscription for " + queue.name()));
            assertThat(subscription.path("Protocol").asString()).isEqualTo("sqs");
            assertThat(subscription.path("RawMessageDelivery").asBoolean())
                    .isEqualTo(queue.subscription().rawMessageDelivery());
            assertThat(subscription.path("FilterPolicy"))
                    .isEqualTo(queue.subscription().filterPolicy());
            assertThat(subscription.path("TopicArn").toString())
                    .contains(logicalId(stack.topic(queue.subscription().topic())));
        }
    }

    @Test
    void everyRuleHasItsPatternAndTargetsWithADeadLetterQueueAndTheBusItsArchive() {
        Map<String, JsonNode> rules = resources(template, "AWS::Events::Rule");
        assertThat(rules)
                .hasSize(topology.eventBuses().stream()
                        .mapToInt(bus -> bus.rules().size())
                        .sum());
        for (EventBus bus : topology.eventBuses()) {
            for (Rule declared : bus.rules()) {
                JsonNode rule = rules.get(logicalId(stack.rule(bus.name(), declared.name())));
                assertThat(rule.path("Name").asString()).isEqualTo(declared.name());
                assertThat(rule.path("EventPattern")).isEqualTo(declared.eventPattern());
                assertThat(rule.path("EventBusName").toString()).contains(logicalId(stack.eventBus(bus.name())));
                assertThat(rule.path("Targets")).hasSize(declared.targets().size());
                for (RuleTarget target : declared.targets()) {
                    JsonNode deployed = elements(rule.path("Targets")).stream()
                            .filter(candidate -> candidate.path("Id").asString().equals(target.id()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(deployed.path("Arn").toString()).contains(logicalId(stack.queue(target.queue())));
                    assertThat(deployed.path("DeadLetterConfig").path("Arn").toString())
                            .contains(logicalId(stack.ruleTargetDeadLetterQueue(bus.name(), declared.name())));
                }
            }
            JsonNode archive = resources(template, "AWS::Events::Archive").values().stream()
                    .filter(candidate -> candidate
                            .path("ArchiveName")
                            .asString()
                            .equals(bus.archive().name()))
                    .findFirst()
                    .orElseThrow();
            assertThat(archive.path("EventPattern")).isEqualTo(bus.archive().eventPattern());
            assertThat(archive.path("RetentionDays").asInt())
                    .isEqualTo(bus.archive().retentionDays());
            assertThat(archive.path("SourceArn").toString()).contains(logicalId(stack.eventBus(bus.name())));
        }
    }

    @Test
    void everyQueueIsEncryptedAndEveryQueueAndTopicRefusesRequestsWithoutTls() {
        resources(template, "AWS::SQS::Queue").forEach((id, queue) -> assertThat(
                        queue.path("SqsManagedSseEnabled").asBoolean())
                .as(id)
                .isTrue());
        for (String type : new String[] {"AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy"}) {
            resources(template, type).forEach((id, policy) -> assertThat(
                            elements(policy.path("PolicyDocument").path("Statement")).stream()
                                    .anyMatch(statement ->
                                            statement.path("Effect").asString().equals("Deny")
                                                    && statement
                                                            .path("Condition")
                                                            .path("Bool")
                                                            .path("aws:SecureTransport")
                                                            .asString()
                                                            .equals("false")))
                    .as(id)
                    .isTrue());
        }
        int queues = resources(template, "AWS::SQS::Queue").size();
        int covered = resources(template, "AWS::SQS::QueuePolicy").values().stream()
                .mapToInt(policy -> policy.path("Queues").size())
                .sum();
        assertThat(covered).isEqualTo(queues);
        assertThat(resources(template, "AWS::SNS::TopicPolicy")).hasSameSizeAs(topology.topics());
    }

    @Test
    void onlyTheTopicAndTheRulesThatDeliverToAQueueMaySendToIt() {
        resources(template, "AWS::SQS::QueuePolicy").forEach((id, policy) -> {
            for (JsonNode statement : elements(policy.path("PolicyDocument").path("Statement"))) {
                if (statement.path("Effect").asString().equals("Allow")) {
                    assertThat(statement.path("Principal").path("Service").asString())
                            .isIn("sns.amazonaws.com", "events.amazonaws.com");
                    assertThat(statement.path("Action").asString()).isEqualTo("sqs:SendMessage");
                    assertThat(statement
                                    .path("Condition")
                                    .path("ArnEquals")
                                    .path("aws:SourceArn")
                                    .isMissingNode())
                            .as(id + " has an aws:SourceArn condition")
                            .isFalse();
                }
            }
        });
    }

    @Test
    void anElementAddedToTheTopologyReachesTheTemplate(@org.junit.jupiter.api.io.TempDir Path directory)
            throws IOException {
        String yaml = Files.readString(Path.of("../topology.yaml")).replace("queues:\n", """
                        queues:
                          - name: audit-service-events
                            consumer: audit-service
                            fifo: false
                            visibilityTimeoutSeconds: 45
                            receiveWaitTimeSeconds: 20
                            messageRetentionSeconds: 86400
                            deadLetterQueue:
                              name: audit-service-events-dlq
                              maxReceiveCount: 5
                              messageRetentionSeconds: 1209600
                            subscription:
                              topic: order-events.fifo
                              rawMessageDelivery: true
                              filterPolicy:
                                eventType: [OrderPlaced]
                        """);
        Files.writeString(directory.resolve("topology.yaml"), yaml);
        Topology extended;
        try (var in = Files.newInputStream(directory.resolve("topology.yaml"))) {
            extended = Topology.read(in);
        }
        MessagingStack extendedStack =
                new MessagingStack(new App(), "extended", StackProps.builder().build(), extended);
        JsonNode extendedTemplate = Synthesized.template(extendedStack);

        JsonNode queue = resources(extendedTemplate, "AWS::SQS::Queue")
                .get(logicalId(extendedStack.queue("audit-service-events")));
        assertThat(queue.path("VisibilityTimeout").asInt()).isEqualTo(45);
        assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(resources(extendedTemplate, "AWS::SNS::Subscription")).hasSize(5);
    }
}
