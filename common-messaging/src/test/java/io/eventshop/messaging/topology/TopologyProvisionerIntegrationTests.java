package io.eventshop.messaging.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(LocalAwsExtension.class)
class TopologyProvisionerIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The declared topology is provisioned once per JVM; provisioning is idempotent, so any test may rely on it. */
    private static ProvisioningReport firstRun;

    private SqsClient sqs;
    private SnsClient sns;
    private EventBridgeClient events;
    private TopologyProvisioner provisioner;
    private Topology topology;

    @BeforeEach
    void clients(LocalAwsEndpoint endpoint) {
        sqs = LocalAwsClients.sqs(endpoint);
        sns = LocalAwsClients.sns(endpoint);
        events = LocalAwsClients.events(endpoint);
        provisioner = new TopologyProvisioner(sqs, sns, events);
        topology = Topology.read(getClass().getResourceAsStream("/topology.yaml"));
    }

    @Test
    void queuesGetTheirDeadLetterQueueAndHighThroughputFifoSettings() {
        Topology queues = TestTopologies.queues(TestTopologies.uniqueId());
        ConsumerQueue fifo = queues.queues().getFirst();

        ProvisioningReport report = provisioner.provision(queues);

        assertThat(report.created()).hasSize(4);
        Map<QueueAttributeName, String> attributes = attributesOf(fifo.name());
        // The devstack's ElasticMQ accepts DeduplicationScope and FifoThroughputLimit at creation but does not
        // report them, so only the reported attributes can be checked here.
        assertThat(attributes)
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60")
                .containsEntry(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20");
        var redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        assertThat(redrive.get("deadLetterTargetArn").asString())
                .endsWith(":" + fifo.deadLetterQueue().name());
        assertThat(redrive.get("maxReceiveCount").asString()).isEqualTo("3");
        assertThat(provisioner.provision(queues).isEmpty()).isTrue();
    }

    @Test
    void aChangedAttributeIsUpdatedAndReported() {
        Topology queues = TestTopologies.queues(TestTopologies.uniqueId());
        provisioner.provision(queues);
        String queue = queues.queues().getFirst().name();
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        sqs.setQueueAttributes(
                request -> request.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5")));

        ProvisioningReport report = provisioner.provision(queues);

        assertThat(report.updated())
                .singleElement()
                .hasToString("UPDATED SQS queue " + queue + " (set [VisibilityTimeout])");
        assertThat(attributesOf(queue)).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60");
    }

    @Test
    void verificationNamesEveryMissingResource() {
        String id = TestTopologies.uniqueId();

        assertThatExceptionOfType(MissingTopologyException.class)
                .isThrownBy(() -> provisioner.verify(TestTopologies.queues(id)))
                .withMessageContaining("Missing SQS queue fifo-" + id
                        + ".fifo; deploy the CDK stack eventshop-messaging (infra/aws), or start with"
                        + " eventshop.messaging.provision=true")
                .satisfies(e -> assertThat(e.missing())
                        .containsExactly(
                                "SQS queue fifo-" + id + "-dlq.fifo",
                                "SQS queue fifo-" + id + ".fifo",
                                "SQS queue standard-" + id + "-dlq",
                                "SQS queue standard-" + id));
    }

    @Test
    void startUpFailsWhenVerificationFindsAResourceMissing(LocalAwsEndpoint endpoint) {
        new ApplicationContextRunner()
                .withUserConfiguration(TopologyConfiguration.class)
                .withBean(SqsClient.class, () -> LocalAwsClients.sqs(endpoint))
                .withBean(SnsClient.class, () -> LocalAwsClients.sns(endpoint))
                .withBean(EventBridgeClient.class, () -> LocalAwsClients.events(endpoint))
                .withPropertyValues(
                        "eventshop.messaging.provision=false",
                        "eventshop.messaging.topology=classpath:never-provisioned-topology.yaml",
                        "eventshop.messaging.service-name=never-provisioned-service")
                .run(
                        context -> assertThat(context)
                                .hasFailed()
                                .getFailure()
                                .hasMessageContaining(
                                        "Missing SQS queue never-provisioned-events.fifo; deploy the CDK stack"
                                                + " eventshop-messaging (infra/aws), or start with eventshop.messaging.provision=true"));
    }

    @Test
    void aServicesPartIsItsQueueItsTopicItsBusAndTheRulesThatDeliverToItsQueue() {
        Topology shipping = ServiceTopology.of(topology, "shipping-service", "order-events.fifo", "eventshop");
        Topology notification = ServiceTopology.of(topology, "notification-service", "order-events.fifo", "eventshop");

        assertThat(ServiceTopology.describe(shipping))
                .isEqualTo("SQS queues [shipping-service-events.fifo, shipping-service-events-dlq.fifo],"
                        + " SNS topics [order-events.fifo],"
                        + " SNS subscriptions [order-events.fifo -> shipping-service-events.fifo],"
                        + " EventBridge buses [eventshop], EventBridge rules []");
        assertThat(ServiceTopology.describe(notification))
                .isEqualTo("SQS queues [notification-service-events, notification-service-events-dlq],"
                        + " SNS topics [order-events.fifo], SNS subscriptions [], EventBridge buses [eventshop],"
                        + " EventBridge rules [eventshop/customer-outcomes, eventshop/high-value-orders]");
        assertThat(notification.eventBuses().getFirst().archive()).isNull();
    }

    /** The calls are those that TopologyStartup's Javadoc lists for start-up, and the CDK task role allows. */
    @Test
    void verifyingAServicesPartByTopicArnCallsOnlyActionsThatIamGrantsOnItsOwnResources(LocalAwsEndpoint endpoint) {
        provisionDeclaredTopology();
        String topicArn = endpoint.account().arn("sns", "order-events.fifo");
        var calls = new AwsCalls();
        try (SqsClient recordedSqs = LocalAwsClients.sqs(endpoint, calls);
                SnsClient recordedSns = LocalAwsClients.sns(endpoint, calls);
                EventBridgeClient recordedEvents = LocalAwsClients.events(endpoint, calls)) {
            var recorded = new TopologyProvisioner(recordedSqs, recordedSns, recordedEvents);

            recorded.verify(
                    ServiceTopology.of(topology, "shipping-service", "order-events.fifo", "eventshop"), topicArn);

            assertThat(calls.actions())
                    .containsExactly(
                            "events:DescribeEventBus",
                            "sns:GetTopicAttributes",
                            "sns:ListSubscriptionsByTopic",
                            "sqs:GetQueueAttributes",
                            "sqs:GetQueueUrl");
            assertThat(calls.of("sqs"))
                    .allSatisfy(call -> assertThat(call.request().toString()).contains("shipping-service-events"));
            assertThat(calls.of("sns"))
                    .allSatisfy(call -> assertThat(call.request().toString()).contains(topicArn));
            calls.clear();

            recorded.verify(
                    ServiceTopology.of(topology, "notification-service", "order-events.fifo", "eventshop"), topicArn);

            assertThat(calls.actions())
                    .containsExactly(
                            "events:DescribeEventBus",
                            "events:DescribeRule",
                            "events:ListTargetsByRule",
                            "sns:GetTopicAttributes",
                            "sqs:GetQueueUrl");
            assertThat(calls.of("sqs"))
                    .allSatisfy(call -> assertThat(call.request().toString()).contains("notification-service-events"));
            assertThat(calls.of("events"))
                    .allSatisfy(call -> assertThat(call.request().toString()).contains("eventshop"));
        }
    }

    @Test
    void aServiceMissesOnlyItsOwnPartAndNotTheOtherServicesQueuesNorTheArchive() {
        try (LocalAwsEndpoint empty = LocalAwsEndpoint.start(0);
                SqsClient emptySqs = LocalAwsClients.sqs(empty);
                SnsClient emptySns = LocalAwsClients.sns(empty);
                EventBridgeClient emptyEvents = LocalAwsClients.events(empty)) {
            var provisioner = new TopologyProvisioner(emptySqs, emptySns, emptyEvents);
            Topology shipping = ServiceTopology.of(topology, "shipping-service", "order-events.fifo", "eventshop");
            String topicArn = empty.account().arn("sns", "order-events.fifo");

            assertThatExceptionOfType(MissingTopologyException.class)
                    .isThrownBy(() -> provisioner.verify(shipping, topicArn))
                    .satisfies(e -> assertThat(e.missing())
                            .containsExactly(
                                    "SQS queue shipping-service-events-dlq.fifo",
                                    "SQS queue shipping-service-events.fifo",
                                    "SNS topic order-events.fifo",
                                    "EventBridge event bus eventshop"));

            provisioner.provision(shipping);

            provisioner.verify(shipping, topicArn);
            assertThatExceptionOfType(MissingTopologyException.class)
                    .isThrownBy(() -> provisioner.verify(topology, topicArn))
                    .satisfies(e -> assertThat(e.missing())
                            .contains(
                                    "SQS queue payment-service-events.fifo",
                                    "EventBridge rule eventshop/customer-outcomes",
                                    "EventBridge archive eventshop-events")
                            .doesNotContain("SQS queue shipping-service-events.fifo"));
        }
    }

    @Test
    void theDeclaredTopologyIsProvisionedAndASecondRunChangesNothing() {
        // Every Spring test context provisions the declared topology too, so this run may find it all in place.
        ProvisioningReport first = provisionDeclaredTopology();

        assertThat(first.updated()).isEmpty();
        assertThat(provisioner.provision(topology).changes()).isEmpty();
        provisioner.verify(topology);
    }

    @Test
    void onAnEndpointWithoutTheDeclaredTopologyEveryResourceIsCreated() {
        try (LocalAwsEndpoint empty = LocalAwsEndpoint.start(0);
                SqsClient emptySqs = LocalAwsClients.sqs(empty);
                SnsClient emptySns = LocalAwsClients.sns(empty);
                EventBridgeClient emptyEvents = LocalAwsClients.events(empty)) {
            ProvisioningReport report = new TopologyProvisioner(emptySqs, emptySns, emptyEvents).provision(topology);

            assertThat(report.created())
                    .extracting(change -> change.kind() + " " + change.name())
                    .contains(
                            "SQS queue payment-service-events-dlq.fifo",
                            "SNS topic order-events.fifo",
                            "SNS subscription order-events.fifo -> payment-service-events.fifo",
                            "EventBridge event bus eventshop",
                            "EventBridge rule eventshop/high-value-orders",
                            "EventBridge target eventshop/customer-outcomes/notification-service",
                            "EventBridge archive eventshop-events");
        }
    }

    @Test
    void fiveServicesProvisioningAtOnceAllSucceedAndBuildOneTopology() throws Exception {
        try (LocalAwsEndpoint empty = LocalAwsEndpoint.start(0);
                SqsClient emptySqs = LocalAwsClients.sqs(empty);
                SnsClient emptySns = LocalAwsClients.sns(empty);
                EventBridgeClient emptyEvents = LocalAwsClients.events(empty)) {
            var provisioner = new TopologyProvisioner(emptySqs, emptySns, emptyEvents);
            var start = new java.util.concurrent.CountDownLatch(1);
            var services = java.util.concurrent.Executors.newFixedThreadPool(5);
            try {
                var runs = java.util.stream.IntStream.range(0, 5)
                        .mapToObj(i -> services.submit(() -> {
                            start.await();
                            return provisioner.provision(topology);
                        }))
                        .toList();
                start.countDown();
                for (var run : runs) {
                    run.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                services.shutdownNow();
            }

            assertThat(provisioner.provision(topology).isEmpty()).isTrue();
            assertThat(emptyEvents.listArchives(request -> {}).archives()).hasSize(1);
        }
    }

    @Test
    void subscriptionsDeliverRawAndFilteredByEventType() {
        provisionDeclaredTopology();
        String topicArn = sns.createTopic(request -> request.name("order-events.fifo")
                        .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false")))
                .topicArn();
        String orderId = TestTopologies.uniqueId();

        sns.publish(request -> request.topicArn(topicArn)
                .message("{\"eventType\":\"OrderPlaced\",\"orderId\":\"" + orderId + "\"}")
                .messageGroupId(orderId)
                .messageDeduplicationId(orderId)
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("OrderPlaced")
                                .build())));

        Message delivered = awaitMessage("payment-service-events.fifo", orderId);
        assertThat(delivered.body()).isEqualTo("{\"eventType\":\"OrderPlaced\",\"orderId\":\"" + orderId + "\"}");
        assertThat(delivered.messageAttributes().get("eventType").stringValue()).isEqualTo("OrderPlaced");
        assertThat(bodiesIn("shipping-service-events.fifo")).noneMatch(body -> body.contains(orderId));
    }

    @Test
    void rulesTargetTheNotificationQueueAndTheArchiveKeepsEveryEvent() {
        provisionDeclaredTopology();

        var rule =
                events.describeRule(request -> request.eventBusName("eventshop").name("high-value-orders"));
        assertThat(JSON.readTree(rule.eventPattern()))
                .isEqualTo(topology.eventBuses().getFirst().rules().get(1).eventPattern());
        assertThat(events.listTargetsByRule(
                                request -> request.eventBusName("eventshop").rule("customer-outcomes"))
                        .targets())
                .singleElement()
                .satisfies(target -> assertThat(target.arn()).endsWith(":notification-service-events"));
        var archive = events.describeArchive(request -> request.archiveName("eventshop-events"));
        assertThat(archive.eventSourceArn()).endsWith(":event-bus/eventshop");
        assertThat(archive.retentionDays()).isZero();
    }

    private synchronized ProvisioningReport provisionDeclaredTopology() {
        if (firstRun == null) {
            firstRun = provisioner.provision(topology);
        }
        return firstRun;
    }

    private Map<QueueAttributeName, String> attributesOf(String queue) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }

    private Message awaitMessage(String queue, String containing) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        Message[] found = new Message[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message message : sqs.receiveMessage(request -> request.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                    .messages()) {
                if (message.body().contains(containing)) {
                    found[0] = message;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private List<String> bodiesIn(String queue) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        return sqs
                .receiveMessage(
                        request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()
                .stream()
                .map(Message::body)
                .toList();
    }
}
