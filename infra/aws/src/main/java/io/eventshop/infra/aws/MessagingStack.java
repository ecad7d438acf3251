package io.eventshop.infra.aws;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.DeadLetterQueue;
import io.eventshop.topology.EventBus;
import io.eventshop.topology.Rule;
import io.eventshop.topology.RuleTarget;
import io.eventshop.topology.Topic;
import io.eventshop.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.CfnArchive;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.amazon.awscdk.services.sqs.DeduplicationScope;
import software.amazon.awscdk.services.sqs.FifoThroughputLimit;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The messaging topology of {@code infra/topology.yaml} as AWS resources: the SNS FIFO topic, each consumer's queue
 * with its dead-letter queue, the raw-delivery subscriptions with their filter policies, the EventBridge bus with its
 * rules, targets and archive. Nothing here names a queue, a topic or a rule: every name and setting comes from the
 * {@link Topology}.
 *
 * <p>Every queue uses SQS-managed encryption (SNS and EventBridge cannot send to a queue encrypted with the AWS-managed
 * KMS key), and every queue and topic refuses requests that do not use TLS. A queue's policy lets only the topic it
 * subscribes to and the rules that target it send to it, each named by its ARN.
 */
public class MessagingStack extends Stack {

    private static final String SNS = "sns.amazonaws.com";
    private static final String EVENTS = "events.amazonaws.com";

    /** How long and how often EventBridge retries a target before it moves the event to the target's DLQ. */
    private static final int TARGET_RETRY_ATTEMPTS = 185;

    private static final int TARGET_MAX_EVENT_AGE_SECONDS = 86_400;
    private static final Duration TARGET_DLQ_RETENTION = Duration.days(14);

    private final Map<String, software.amazon.awscdk.services.sns.Topic> topics = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();
    private final Map<String, software.amazon.awscdk.services.events.EventBus> buses = new LinkedHashMap<>();
    private final Map<String, CfnRule> rules = new LinkedHashMap<>();
    private final Map<String, Queue> ruleTargetDeadLetterQueues = new LinkedHashMap<>();

    public MessagingStack(Construct scope, String id, StackProps props, Topology topology) {
        super(scope, id, props);
        topology.topics().forEach(this::addTopic);
        topology.queues().forEach(this::addQueue);
        topology.queues().stream().filter(queue -> queue.subscription() != null).forEach(this::subscribe);
        topology.eventBuses().forEach(this::addEventBus);
    }

    /** The topic with the given name. */
    public software.amazon.awscdk.services.sns.Topic topic(String name) {
        return topics.get(name);
    }

    /** The consumer queue with the given name. */
    public Queue queue(String name) {
        return queues.get(name);
    }

    /** The dead-letter queue of the consumer queue with the given name. */
    public Queue deadLetterQueueOf(String queueName) {
        return deadLetterQueues.get(queueName);
    }

    /** The event bus with the given name. */
    public software.amazon.awscdk.services.events.EventBus eventBus(String name) {
        return buses.get(name);
    }

    /** The rule with the given name on the given bus. */
    public CfnRule rule(String busName, String ruleName) {
        return rules.get(busName + "/" + ruleName);
    }

    /** The queue that receives what the rule's targets could not take, after EventBridge's retries. */
    public Queue ruleTargetDeadLetterQueue(String busName, String ruleName) {
        return ruleTargetDeadLetterQueues.get(busName + "/" + ruleName);
    }

    private void addTopic(Topic declared) {
        var topic = software.amazon.awscdk.services.sns.Topic.Builder.create(
                        this, LogicalIds.of("Topic", declared.name()))
                .topicName(declared.name())
                .fifo(declared.fifo())
                .contentBasedDeduplication(declared.contentBasedDeduplication())
                // The AWS-managed key: SNS decrypts for its subscribers itself, and the key policy admits every
                // principal of the account that may publish.
                .masterKey(Alias.fromAliasName(this, LogicalIds.of("TopicKey", declared.name()), "alias/aws/sns"))
                .enforceSsl(true)
                .build();
        topics.put(declared.name(), topic);
    }

    private void addQueue(ConsumerQueue declared) {
        DeadLetterQueue dlq = declared.deadLetterQueue();
        Queue deadLetters = Queue.Builder.create(this, LogicalIds.of("Queue", dlq.name()))
                .queueName(dlq.name())
                .fifo(declared.fifo() ? true : null)
                .retentionPeriod(Duration.seconds(dlq.messageRetentionSeconds()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Findings.acknowledge(
                deadLetters,
                "AwsSolutions-SQS3",
                "It is the dead-letter queue of " + declared.name() + "; an alarm fires on its first message.");
        Queue.Builder queue = Queue.Builder.create(this, LogicalIds.of("Queue", declared.name()))
                .queueName(declared.name())
                .visibilityTimeout(Duration.seconds(declared.visibilityTimeoutSeconds()))
                .receiveMessageWaitTime(Duration.seconds(declared.receiveWaitTimeSeconds()))
                .retentionPeriod(Duration.seconds(declared.messageRetentionSeconds()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(software.amazon.awscdk.services.sqs.DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(dlq.maxReceiveCount())
                        .build());
        if (declared.fifo()) {
            queue.fifo(true)
                    .contentBasedDeduplication(false)
                    .deduplicationScope(DeduplicationScope.valueOf(constant(declared.deduplicationScope())))
                    .fifoThroughputLimit(FifoThroughputLimit.valueOf(constant(declared.fifoThroughputLimit())));
        }
        queues.put(declared.name(), queue.build());
        deadLetterQueues.put(declared.name(), deadLetters);
    }

    /** A raw-delivery subscription with the declared filter policy, and the queue policy that lets the topic send. */
    private void subscribe(ConsumerQueue declared) {
        var topic = topics.get(declared.subscription().topic());
        Queue queue = queues.get(declared.name());
        CfnSubscription subscription = CfnSubscription.Builder.create(
                        this, LogicalIds.of("Subscription", declared.name()))
                .topicArn(topic.getTopicArn())
                .protocol("sqs")
                .endpoint(queue.getQueueArn())
                .rawMessageDelivery(declared.subscription().rawMessageDelivery())
                .filterPolicy(JsonValues.toJava(declared.subscription().filterPolicy()))
                .build();
        allowToSend(queue, SNS, topic.getTopicArn());
        subscription.getNode().addDependency(queue);
    }

    private void addEventBus(EventBus declared) {
        var bus = software.amazon.awscdk.services.events.EventBus.Builder.create(
                        this, LogicalIds.of("Bus", declared.name()))
                .eventBusName(declared.name())
                .build();
        buses.put(declared.name(), bus);
        for (Rule rule : declared.rules()) {
            addRule(declared, bus, rule);
        }
        if (declared.archive() != null) {
            CfnArchive.Builder.create(
                            this, LogicalIds.of("Archive", declared.archive().name()))
                    .archiveName(declared.archive().name())
                    .sourceArn(bus.getEventBusArn())
                    .eventPattern(JsonValues.toJava(declared.archive().eventPattern()))
                    .retentionDays(declared.archive().retentionDays())
                    .build();
        }
    }

    private void addRule(EventBus declared, software.amazon.awscdk.services.events.EventBus bus, Rule declaredRule) {
        String key = declared.name() + "/" + declaredRule.name();
        Queue targetFailures = Queue.Builder.create(this, LogicalIds.of("TargetDlq", key))
                .queueName(declared.name() + "-" + declaredRule.name() + "-target-dlq")
                .retentionPeriod(TARGET_DLQ_RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Findings.acknowledge(
                targetFailures,
                "AwsSolutions-SQS3",
                "It is the dead-letter queue of the targets of rule " + declaredRule.name()
                        + "; an alarm fires on its first message.");
        List<CfnRule.TargetProperty> targets = declaredRule.targets().stream()
                .map(target -> targetOf(target, targetFailures))
                .toList();
        CfnRule rule = CfnRule.Builder.create(this, LogicalIds.of("Rule", key))
                .name(declaredRule.name())
                .description(declaredRule.description())
                .eventBusName(bus.getEventBusName())
                .eventPattern(JsonValues.toJava(declaredRule.eventPattern()))
                .state("ENABLED")
                .targets(targets)
                .build();
        for (RuleTarget target : declaredRule.targets()) {
            allowToSend(queues.get(target.queue()), EVENTS, rule.getAttrArn());
        }
        allowToSend(targetFailures, EVENTS, rule.getAttrArn());
        rules.put(key, rule);
        ruleTargetDeadLetterQueues.put(key, targetFailures);
    }

    private CfnRule.TargetProperty targetOf(RuleTarget target, Queue targetFailures) {
        return CfnRule.TargetProperty.builder()
                .id(target.id())
                .arn(queues.get(target.queue()).getQueueArn())
                .deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder()
                        .arn(targetFailures.getQueueArn())
                        .build())
                .retryPolicy(CfnRule.RetryPolicyProperty.builder()
                        .maximumRetryAttempts(TARGET_RETRY_ATTEMPTS)
                        .maximumEventAgeInSeconds(TARGET_MAX_EVENT_AGE_SECONDS)
                        .build())
                .build();
    }

    /** Lets one AWS service send to the queue on behalf of exactly one topic or rule. */
    private static void allowToSend(Queue queue, String servicePrincipal, String sourceArn) {
        queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal(servicePrincipal)))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", sourceArn)))
                .build());
    }

    /** {@code messageGroup} as the CDK's enum constant {@code MESSAGE_GROUP}. */
    private static String constant(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }
}
