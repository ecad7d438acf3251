package io.eventshop.infra.aws;

import static io.eventshop.infra.aws.Synthesized.elements;
import static io.eventshop.infra.aws.Synthesized.logicalId;
import static io.eventshop.infra.aws.Synthesized.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.infra.aws.EventshopApp.EventshopStacks;
import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Each service runs with least privilege, docker compose's environment, and only its public API exposed. */
class ServicesStackTests {

    private static final Set<String> MESSAGING_PREFIXES = Set.of("sqs:", "sns:", "events:", "secretsmanager:");

    private static EventshopStacks stacks;
    private static Topology topology;
    private static JsonNode template;

    @BeforeAll
    static void synthesize() {
        Synthesized app = Synthesized.withDefaults();
        stacks = app.stacks;
        topology = app.topology;
        template = Synthesized.template(stacks.services());
    }

    @Test
    void eachTaskRoleReachesOnlyItsOwnQueuesTheTopicTheBusAndTheRulesToItsQueue() {
        MessagingStack messaging = stacks.messaging();
        for (EventshopService service : EventshopService.ALL) {
            ConsumerQueue queue = topology.queueFor(service.name());
            String roleId = logicalId(
                    stacks.services().service(service.name()).taskDefinition().getTaskRole());
            List<String> own = new ArrayList<>(List.of(
                    logicalId(messaging.queue(queue.name())),
                    logicalId(messaging.deadLetterQueueOf(queue.name())),
                    logicalId(messaging.topic("order-events.fifo")),
                    logicalId(messaging.eventBus("eventshop"))));
            topology.eventBuses().getFirst().rules().stream()
                    .filter(rule -> rule.targets().stream()
                            .anyMatch(target -> target.queue().equals(queue.name())))
                    .forEach(rule -> own.add(logicalId(messaging.rule("eventshop", rule.name()))));

            List<String> granted = new ArrayList<>();
            for (JsonNode statement : statementsOf(roleId)) {
                boolean messagingAction = elements(statement.path("Action")).stream()
                        .anyMatch(action -> MESSAGING_PREFIXES.stream().anyMatch(action.asString()::startsWith));
                if (!messagingAction) {
                    // CloudWatch for the meters, X-Ray for the trace collector: nothing else.
                    Set<String> actions = elements(statement.path("Action")).stream()
                            .map(JsonNode::asString)
                            .collect(Collectors.toSet());
                    assertThat(actions)
                            .as("%s: a non-messaging action", service.name())
                            .isIn(Set.of("cloudwatch:PutMetricData"), Set.copyOf(TaskPermissions.TRACE_ACTIONS));
                    continue;
                }
                for (JsonNode resource : elements(statement.path("Resource"))) {
                    assertThat(resource.isString() && resource.asString().contains("*"))
                            .as("%s: a wildcard resource in %s", service.name(), statement)
                            .isFalse();
                    String reference = resource.toString();
                    assertThat(own)
                            .as("%s may reach %s", service.name(), reference)
                            .anyMatch(reference::contains);
                    own.stream().filter(reference::contains).forEach(granted::add);
                }
            }
            assertThat(granted).as(service.name()).containsAll(own);
        }
    }

    @Test
    void eachServiceReadsOnlyItsOwnLoginAndNeverTheMasterSecretAndOnlyOrderAndPaymentTheSealingSecret() {
        for (EventshopService service : EventshopService.ALL) {
            DeployedService deployed = stacks.services().service(service.name());
            String executionRole = logicalId(deployed.taskDefinition().obtainExecutionRole());
            List<String> secrets = statementsOf(executionRole).stream()
                    .filter(statement -> statement.path("Action").toString().contains("secretsmanager:"))
                    .flatMap(statement -> elements(statement.path("Resource")).stream())
                    .map(JsonNode::toString)
                    .toList();
            String ownLogin = logicalId(stacks.data().loginOf(service));
            String sealing = logicalId(stacks.data().sealingSecret());
            if (Set.of("order-service", "payment-service").contains(service.name())) {
                assertThat(secrets).as(service.name()).anyMatch(secret -> secret.contains(sealing));
            } else {
                assertThat(String.join(",", secrets)).as(service.name()).doesNotContain(sealing);
            }
            assertThat(secrets).isNotEmpty().allMatch(secret -> secret.contains(ownLogin) || secret.contains(sealing));
            assertThat(String.join(",", secrets))
                    .doesNotContain(logicalId(stacks.data().masterSecret()))
                    .doesNotContain("Secret*");
            assertThat(statementsOf(logicalId(deployed.taskDefinition().getTaskRole()))
                            .toString())
                    .doesNotContain("secretsmanager:");
        }
    }

    @Test
    void eachServiceGetsDockerComposesEnvironmentLessTheLocalEndpointAndKeys() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(Files.readString(Path.of("../../docker-compose.yml")));
        for (EventshopService service : EventshopService.ALL) {
            JsonNode container = containerOf(service);
            Map<String, String> environment = environmentOf(container);
            List<String> secrets = elements(container.path("Secrets")).stream()
                    .map(secret -> secret.path("Name").asString())
                    .toList();
            compose.path("services")
                    .path(service.name())
                    .path("environment")
                    .properties()
                    .forEach(entry -> {
                        String name = entry.getKey();
                        switch (name) {
                            case "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" ->
                                assertThat(environment).as(service.name()).doesNotContainKey(name);
                            case "EVENTSHOP_MESSAGING_PROVISION" ->
                                assertThat(environment).containsEntry(name, "false");
                            case "AWS_REGION" ->
                                assertThat(environment).containsEntry(name, "{\"Ref\":\"AWS::Region\"}");
                            case "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD" ->
                                assertThat(secrets).as(service.name()).contains(name);
                            case "SPRING_CONFIG_IMPORT" ->
                                // compose mounts the sealing secret as a file; on AWS it comes from Secrets Manager
                                assertThat(secrets).as(service.name()).contains("EVENTSHOP_SEALING_SECRET");
                            case "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT" ->
                                // compose sends spans to its Zipkin; on AWS they go to the task's own collector
                                assertThat(environment).containsEntry(name, TraceCollector.ZIPKIN_ENDPOINT);
                            case "SPRING_DATASOURCE_URL" ->
                                assertThat(environment.get(name))
                                        .startsWith("{")
                                        .contains("/" + service.database() + "?sslmode=require");
                            default ->
                                assertThat(environment)
                                        .as(service.name())
                                        .containsEntry(name, entry.getValue().asString());
                        }
                    });
            assertThat(environment.get("EVENTSHOP_MESSAGING_TOPIC"))
                    .contains(logicalId(stacks.messaging().topic("order-events.fifo")));
            // The alarms and the dashboard read the services' meters in this namespace, by this dimension.
            assertThat(environment)
                    .containsEntry("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", MonitoringStack.METRICS_NAMESPACE)
                    .containsEntry("MANAGEMENT_METRICS_TAGS_SERVICE", service.name());
        }
    }

    @Test
    void eachTaskRunsATraceCollectorThatTakesTheServicesZipkinSpansAndSendsThemOnlyToXRay() throws IOException {
        for (EventshopService service : EventshopService.ALL) {
            JsonNode collector = containerOf(service, TraceCollector.CONTAINER_NAME);
            JsonNode app = containerOf(service);

            assertThat(collector.path("Image").asString())
                    .as("a pinned release of the ADOT collector")
                    .matches("public\\.ecr\\.aws/aws-observability/aws-otel-collector:v\\d+\\.\\d+\\.\\d+");
            // The service runs on without its collector, and its start does not wait for it.
            assertThat(collector.path("Essential").asBoolean()).isFalse();
            assertThat(app.path("Essential").asBoolean()).isTrue();
            assertThat(app.path("DependsOn").isMissingNode()).isTrue();
            assertThat(collector.path("MemoryReservation").asInt()).isPositive().isLessThanOrEqualTo(128);
            assertThat(collector.path("Memory").asInt())
                    .isGreaterThan(collector.path("MemoryReservation").asInt());
            assertThat(collector.path("PortMappings").isMissingNode())
                    .as("reached over the loopback only")
                    .isTrue();
            assertThat(collector.path("LogConfiguration").path("LogDriver").asString())
                    .isEqualTo("awslogs");
            assertThat(collector.path("LogConfiguration").path("Options").path("awslogs-group"))
                    .as("%s: the collector logs to the service's log group", service.name())
                    .isEqualTo(app.path("LogConfiguration").path("Options").path("awslogs-group"));

            JsonNode config = new YAMLMapper().readTree(environmentOf(collector).get("AOT_CONFIG_CONTENT"));
            JsonNode pipelines = config.path("service").path("pipelines");
            assertThat(pipelines.propertyNames()).containsExactly("traces");
            assertThat(elements(pipelines.path("traces").path("receivers")))
                    .extracting(JsonNode::asString)
                    .containsExactly("zipkin");
            assertThat(elements(pipelines.path("traces").path("exporters")))
                    .extracting(JsonNode::asString)
                    .containsExactly("awsxray");
            assertThat(config.path("exporters").propertyNames()).containsExactly("awsxray");
            String receiver =
                    config.path("receivers").path("zipkin").path("endpoint").asString();

            URI endpoint = URI.create(environmentOf(app).get("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT"));
            assertThat(endpoint.getHost()).isEqualTo("localhost");
            assertThat(receiver).endsWith(":" + endpoint.getPort());
            assertThat(endpoint.getPath()).isEqualTo("/api/v2/spans");
            assertThat(environmentOf(app)).containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
            assertThat(environmentOf(collector)).containsEntry("AWS_REGION", "{\"Ref\":\"AWS::Region\"}");
        }
    }

    @Test
    void eachTaskRoleMayWriteTracesToXRayAndDoNothingElseThere() {
        for (EventshopService service : EventshopService.ALL) {
            DeployedService deployed = stacks.services().service(service.name());
            List<JsonNode> tracing = statementsOf(
                            logicalId(deployed.taskDefinition().getTaskRole()))
                    .stream()
                    .filter(statement -> statement.path("Action").toString().contains("xray:"))
                    .toList();
            assertThat(tracing).as(service.name()).singleElement().satisfies(statement -> {
                assertThat(elements(statement.path("Action")))
                        .extracting(JsonNode::asString)
                        .containsExactlyInAnyOrder("xray:PutTraceSegments", "xray:PutTelemetryRecords");
                assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
                assertThat(statement.path("Resource").asString()).isEqualTo("*");
            });
            assertThat(statementsOf(logicalId(deployed.taskDefinition().obtainExecutionRole()))
                            .toString())
                    .doesNotContain("xray:");
        }
    }

    @Test
    void aDeployStopsTasksWithinTheVisibilityTimeoutAndTheListenerFinishesFirst() {
        for (EventshopService service : EventshopService.ALL) {
            JsonNode container = containerOf(service);
            int visibility = topology.queueFor(service.name()).visibilityTimeoutSeconds();
            int stopTimeout = container.path("StopTimeout").asInt();
            String shutdown = elements(container.path("Environment")).stream()
                    .filter(variable ->
                            variable.path("Name").asString().equals("EVENTSHOP_MESSAGING_LISTENER_SHUTDOWN_TIMEOUT"))
                    .findFirst()
                    .orElseThrow()
                    .path("Value")
                    .asString();
            assertThat(stopTimeout).isPositive().isLessThan(visibility);
            assertThat(Integer.parseInt(shutdown.replace("s", ""))).isLessThan(stopTimeout);
            assertThat(container.path("LogConfiguration").path("LogDriver").asString())
                    .isEqualTo("awslogs");
        }
        resources(template, "AWS::Logs::LogGroup")
                .forEach((id, group) ->
                        assertThat(group.path("RetentionInDays").asInt()).as(id).isPositive());
    }

    @Test
    void theLoadBalancerRoutesEachApiToItsServiceWithCustomerMethodsOnlyAndBlocksOperationsPaths() {
        Map<String, JsonNode> rules = resources(template, "AWS::ElasticLoadBalancingV2::ListenerRule");
        for (EventshopService service : EventshopService.ALL) {
            String targetGroup = logicalId(stacks.services().targetGroup(service.name()));
            JsonNode rule = rules.values().stream()
                    .filter(candidate -> candidate.path("Actions").toString().contains(targetGroup))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no rule for " + service.name()));
            assertThat(pathsOf(rule)).containsExactlyElementsOf(service.paths());
            assertThat(methodsOf(rule))
                    .containsExactlyElementsOf(service.methods())
                    .doesNotContain("PUT", "DELETE");
        }
        assertThat(EventshopService.ALL)
                .filteredOn(service -> service.methods().contains("POST"))
                .extracting(EventshopService::name)
                .containsExactly("order-service");
        JsonNode blocking = rules.values().stream()
                .filter(rule -> rule.path("Priority").asInt() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(pathsOf(blocking)).contains("/ops/*", "/actuator/*", "/simulated-provider/*");
        assertThat(blocking.path("Actions").get(0).path("Type").asString()).isEqualTo("fixed-response");
        assertThat(rules.values()).allMatch(rule -> rule.path("Priority").asInt() >= 1);

        resources(template, "AWS::ElasticLoadBalancingV2::TargetGroup")
                .forEach((id, group) ->
                        assertThat(group.path("HealthCheckPath").asString()).isEqualTo("/actuator/health/readiness"));
        JsonNode listener = resources(template, "AWS::ElasticLoadBalancingV2::Listener")
                .values()
                .iterator()
                .next();
        assertThat(listener.path("DefaultActions")
                        .get(0)
                        .path("FixedResponseConfig")
                        .path("StatusCode")
                        .asString())
                .isEqualTo("404");
    }

    @Test
    void eachConsumerScalesOnItsBacklogPerTaskAndOrderServiceAlsoOnCpu() {
        Map<String, JsonNode> policies = resources(template, "AWS::ApplicationAutoScaling::ScalingPolicy");
        long stepPolicies = policies.values().stream()
                .filter(policy -> policy.path("PolicyType").asString().equals("StepScaling"))
                .count();
        // Step scaling comes as a pair, one to add tasks and one to remove them.
        assertThat(stepPolicies).isEqualTo(2L * EventshopService.ALL.size());
        assertThat(policies.values().stream()
                        .filter(policy -> policy.path("PolicyType").asString().equals("TargetTrackingScaling")))
                .singleElement()
                .satisfies(policy -> assertThat(policy.toString()).contains("ECSServiceAverageCPUUtilization"));
        String alarms = resources(template, "AWS::CloudWatch::Alarm").values().toString();
        for (ConsumerQueue queue : topology.queues()) {
            assertThat(alarms).contains(logicalId(stacks.messaging().queue(queue.name())));
        }
        assertThat(alarms).contains("RunningTaskCount");
    }

    @Test
    void theDatabasesAreSetUpBeforeAnyServiceStarts() {
        String setup = resources(template, "Custom::EventshopDatabaseSetup")
                .keySet()
                .iterator()
                .next();
        template.path("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asString().equals("AWS::ECS::Service")) {
                assertThat(entry.getValue().path("DependsOn").toString())
                        .as(entry.getKey())
                        .contains(setup);
            }
        });
        assertThat(resources(template, "AWS::ECS::Service")).hasSize(EventshopService.ALL.size());
    }

    private static List<String> pathsOf(JsonNode rule) {
        return elements(rule.path("Conditions")).stream()
                .flatMap(condition ->
                        elements(condition.path("PathPatternConfig").path("Values")).stream())
                .map(JsonNode::asString)
                .toList();
    }

    private static List<String> methodsOf(JsonNode rule) {
        return elements(rule.path("Conditions")).stream()
                .flatMap(condition ->
                        elements(condition.path("HttpRequestMethodConfig").path("Values")).stream())
                .map(JsonNode::asString)
                .toList();
    }

    private static JsonNode containerOf(EventshopService service) {
        return containerOf(service, service.name());
    }

    private static JsonNode containerOf(EventshopService service, String containerName) {
        String taskId = logicalId(stacks.services().service(service.name()).taskDefinition());
        return elements(resources(template, "AWS::ECS::TaskDefinition")
                        .get(taskId)
                        .path("ContainerDefinitions"))
                .stream()
                .filter(container -> container.path("Name").asString().equals(containerName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service.name() + " has no container " + containerName));
    }

    private static Map<String, String> environmentOf(JsonNode container) {
        Map<String, String> environment = new HashMap<>();
        elements(container.path("Environment"))
                .forEach(variable -> environment.put(
                        variable.path("Name").asString(),
                        variable.path("Value").isString()
                                ? variable.path("Value").asString()
                                : variable.path("Value").toString()));
        return environment;
    }

    private static List<JsonNode> statementsOf(String roleId) {
        return resources(template, "AWS::IAM::Policy").values().stream()
                .filter(policy -> policy.path("Roles").toString().contains(roleId))
                .flatMap(policy -> elements(policy.path("PolicyDocument").path("Statement")).stream())
                .toList();
    }
}
