package io.eventshop.infra.aws;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One eventshop service on Fargate: its task definition, with the same environment as under docker compose but for
 * what AWS provides (the task role instead of keys, AWS's own endpoints, a topology that is verified, not created,
 * a datasource from the service's own secret, and spans sent to the task's own collector rather than to Zipkin); a
 * trace collector beside the service that forwards its spans to X-Ray ({@link TraceCollector}); its least-privilege
 * task role ({@link TaskPermissions}); its log group; and its scaling on the backlog of its queue.
 *
 * <p>A deployment stops a task with SIGTERM. The listener then stops receiving and lets the messages in flight finish
 * for up to {@link #LISTENER_SHUTDOWN}; ECS waits {@link #STOP_TIMEOUT} before it kills the task. Both are shorter
 * than the queue's visibility timeout, so a deploy does not leave received messages to come back with a higher
 * receive count and drift towards the dead-letter queue.
 */
public final class DeployedService extends Construct {

    static final Duration LISTENER_SHUTDOWN = Duration.seconds(30);
    static final Duration STOP_TIMEOUT = Duration.seconds(45);

    /** Messages waiting per running task above which the service adds a task, and below which it removes one. */
    static final int BACKLOG_PER_TASK_HIGH = 100;

    static final int BACKLOG_PER_TASK_LOW = 10;
    static final int MAX_TASKS = 4;

    private final FargateService fargateService;
    private final FargateTaskDefinition taskDefinition;
    private final LogGroup logGroup;

    /** What a service is deployed with. */
    record Wiring(
            EventshopService service,
            Cluster cluster,
            SubnetSelection subnets,
            DataStack data,
            MessagingStack messaging,
            Topology topology) {}

    DeployedService(Construct scope, String id, Wiring wiring, Images images) {
        super(scope, id);
        EventshopService service = wiring.service();
        ConsumerQueue queue = wiring.topology().queueFor(service.name());
        if (STOP_TIMEOUT.toSeconds().intValue() >= queue.visibilityTimeoutSeconds()) {
            throw new IllegalStateException(
                    "The stop timeout must be shorter than the visibility timeout of " + queue.name());
        }
        this.logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/eventshop/" + service.name())
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        this.taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(512)
                .memoryLimitMiB(1024)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        taskDefinition.addContainer(
                "Service",
                ContainerDefinitionOptions.builder()
                        .containerName(service.name())
                        .image(images.of(this, service))
                        .essential(true)
                        .portMappings(List.of(PortMapping.builder()
                                .containerPort(ServicesStack.CONTAINER_PORT)
                                .build()))
                        .environment(environment(wiring))
                        .secrets(secrets(service, wiring))
                        .stopTimeout(STOP_TIMEOUT)
                        .healthCheck(HealthCheck.builder()
                                .command(List.of(
                                        "CMD-SHELL",
                                        "curl -fsS http://localhost:" + ServicesStack.CONTAINER_PORT
                                                + "/actuator/health/liveness || exit 1"))
                                .startPeriod(Duration.seconds(120))
                                .build())
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logGroup)
                                .streamPrefix(service.name())
                                .build()))
                        .build());
        TraceCollector.addTo(taskDefinition, logGroup, service.name());
        Findings.acknowledge(
                taskDefinition,
                "AwsSolutions-ECS2",
                "The environment holds settings and resource names only; the database login comes from Secrets"
                        + " Manager.");
        TaskPermissions.grant(taskDefinition.getTaskRole(), queue, wiring.messaging(), wiring.topology());
        Findings.acknowledge(
                taskDefinition.getTaskRole(),
                "AwsSolutions-IAM5[Resource::*]",
                "CloudWatch's PutMetricData and X-Ray's PutTraceSegments and PutTelemetryRecords take no resource;"
                        + " a condition limits PutMetricData to eventshop's namespace.");
        Findings.acknowledge(
                taskDefinition.obtainExecutionRole(),
                "AwsSolutions-IAM5[Resource::*]",
                "ECR's GetAuthorizationToken takes no resource; the image pull and the secret name their ARNs.");

        SecurityGroup own = SecurityGroup.Builder.create(this, "Tasks")
                .vpc(wiring.cluster().getVpc())
                .description("Tasks of " + service.name())
                .build();
        wiring.data().admit(this, own);
        this.fargateService = FargateService.Builder.create(this, "Service")
                .serviceName(service.name())
                .cluster(wiring.cluster())
                .taskDefinition(taskDefinition)
                .desiredCount(1)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(
                        DeploymentCircuitBreaker.builder().rollback(true).build())
                .vpcSubnets(wiring.subnets())
                .securityGroups(List.of(own))
                .healthCheckGracePeriod(Duration.seconds(180))
                .build();
        scale(service, queue, wiring);
    }

    /** The ECS service. */
    public FargateService fargateService() {
        return fargateService;
    }

    /** The task definition. */
    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** The log group, kept when the stack is destroyed. */
    public LogGroup logGroup() {
        return logGroup;
    }

    /**
     * docker-compose.yml's environment, less {@code AWS_ENDPOINT_URL} and the static keys, with a topology that is
     * only verified, the topic by its ARN, and the service's own database.
     */
    /** The service's own database login, and the sealing secret for the two services that share it. */
    private Map<String, Secret> secrets(EventshopService service, Wiring wiring) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put(
                "SPRING_DATASOURCE_USERNAME",
                Secret.fromSecretsManager(wiring.data().loginOf(service), "username"));
        secrets.put(
                "SPRING_DATASOURCE_PASSWORD",
                Secret.fromSecretsManager(wiring.data().loginOf(service), "password"));
        if (service.sharesSealingSecret()) {
            secrets.put(
                    "EVENTSHOP_SEALING_SECRET",
                    Secret.fromSecretsManager(wiring.data().sealingSecret()));
        }
        return secrets;
    }

    private static Map<String, String> environment(Wiring wiring) {
        EventshopService service = wiring.service();
        String topic = wiring.topology().topics().getFirst().name();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(ServicesStack.CONTAINER_PORT));
        environment.put("SPRING_DATASOURCE_URL", wiring.data().jdbcUrlOf(service));
        environment.put("AWS_REGION", Stack.of(wiring.cluster()).getRegion());
        environment.put("EVENTSHOP_MESSAGING_PROVISION", "false");
        environment.put(
                "EVENTSHOP_MESSAGING_TOPIC", wiring.messaging().topic(topic).getTopicArn());
        environment.put("EVENTSHOP_MESSAGING_LISTENER_SHUTDOWN_TIMEOUT", LISTENER_SHUTDOWN.toSeconds() + "s");
        // The namespace turns on the export of eventshop's meters to CloudWatch, each with the service as a dimension.
        environment.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", MonitoringStack.METRICS_NAMESPACE);
        environment.put("MANAGEMENT_METRICS_TAGS_SERVICE", service.name());
        // Spans go to the trace collector in the same task, which sends them on to X-Ray.
        environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", TraceCollector.ZIPKIN_ENDPOINT);
        environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", TraceCollector.SAMPLING_PROBABILITY);
        return environment;
    }

    /**
     * Adds a task when more than {@link #BACKLOG_PER_TASK_HIGH} messages wait per running task, and removes one below
     * {@link #BACKLOG_PER_TASK_LOW}; order-service, which also takes the API's requests, scales on CPU as well.
     */
    private void scale(EventshopService service, ConsumerQueue queue, Wiring wiring) {
        ScalableTaskCount tasks = fargateService.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(1)
                .maxCapacity(MAX_TASKS)
                .build());
        Metric waiting = wiring.messaging()
                .queue(queue.name())
                .metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .statistic("Maximum")
                        .period(Duration.minutes(1))
                        .build());
        Metric running = Metric.Builder.create()
                .namespace("ECS/ContainerInsights")
                .metricName("RunningTaskCount")
                .dimensionsMap(Map.of(
                        "ClusterName", wiring.cluster().getClusterName(),
                        "ServiceName", service.name()))
                .statistic("Average")
                .period(Duration.minutes(1))
                .build();
        MathExpression backlogPerTask = MathExpression.Builder.create()
                .expression("waiting / IF(running > 0, running, 1)")
                .usingMetrics(Map.of("waiting", waiting, "running", running))
                .label("Messages waiting per task")
                .period(Duration.minutes(1))
                .build();
        tasks.scaleOnMetric(
                "Backlog",
                BasicStepScalingPolicyProps.builder()
                        .metric(backlogPerTask)
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .scalingSteps(List.of(
                                ScalingInterval.builder()
                                        .upper(BACKLOG_PER_TASK_LOW)
                                        .change(-1)
                                        .build(),
                                ScalingInterval.builder()
                                        .lower(BACKLOG_PER_TASK_HIGH)
                                        .change(1)
                                        .build(),
                                ScalingInterval.builder()
                                        .lower(BACKLOG_PER_TASK_HIGH * 5)
                                        .change(2)
                                        .build()))
                        .cooldown(Duration.minutes(2))
                        .build());
        if (service.scalesOnCpu()) {
            tasks.scaleOnCpuUtilization(
                    "Cpu",
                    CpuUtilizationScalingProps.builder()
                            .targetUtilizationPercent(60)
                            .build());
        }
    }
}
