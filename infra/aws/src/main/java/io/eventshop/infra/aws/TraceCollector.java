package io.eventshop.infra.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * The trace collector beside each service: an AWS Distro for OpenTelemetry (ADOT) collector container in the
 * service's task, which takes the service's spans and sends them to AWS X-Ray.
 *
 * <p>The services export their spans in Zipkin's v2 format (Micrometer Tracing's OpenTelemetry bridge with the Zipkin
 * exporter), to Zipkin under docker compose and the devstack. So the collector listens with a {@code zipkin} receiver
 * on {@link #ZIPKIN_PORT}, and the service's endpoint points at it over the task's loopback: the same exporter and
 * the same setting everywhere, only the address changes. It needs no OTLP exporter in the services. X-Ray takes the
 * services' W3C trace ids as they are: the collector's {@code awsxray} exporter no longer demands that a trace id
 * start with a timestamp (its feature gate for that is on by default).
 *
 * <p>The collector is not essential: if it stops, the service runs on and its spans are dropped. It has a small
 * memory reservation and a hard limit, so that a collector gone wrong cannot take the service's memory, and it logs
 * to the service's log group. The service does not wait for it to start. The task role needs X-Ray's write actions
 * ({@link TaskPermissions#TRACE_ACTIONS}); nothing reads sampling rules from X-Ray, because the service samples
 * ({@link #SAMPLING_PROBABILITY}).
 */
final class TraceCollector {

    /** A pinned release, not {@code latest}: a deploy must not change the collector on its own. */
    static final String IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.48.0";

    static final String CONTAINER_NAME = "aws-otel-collector";
    static final int ZIPKIN_PORT = 9411;

    /** Where the service sends its spans: the collector, over the loopback of the task's network (awsvpc). */
    static final String ZIPKIN_ENDPOINT = "http://localhost:" + ZIPKIN_PORT + "/api/v2/spans";

    /** Every trace, as under docker compose: a reference shows each order's whole saga. Lower it to pay X-Ray less. */
    static final String SAMPLING_PROBABILITY = "1.0";

    static final int MEMORY_RESERVATION_MIB = 64;
    static final int MEMORY_LIMIT_MIB = 160;

    /**
     * The collector's configuration, passed in {@code AOT_CONFIG_CONTENT}. One pipeline: Zipkin spans in; a memory
     * limit below the container's; the ECS task's attributes (cluster, task, container) added to each span's
     * resource; batches of up to a second; out to X-Ray in the task's region ({@code AWS_REGION}). The health check
     * extension answers the container's health check on the loopback only.
     */
    static final String CONFIG = """
            extensions:
              health_check:
                endpoint: 127.0.0.1:13133
            receivers:
              zipkin:
                endpoint: 0.0.0.0:%d
            processors:
              memory_limiter:
                check_interval: 1s
                limit_mib: 120
                spike_limit_mib: 30
              resourcedetection:
                detectors: [env, ecs]
                timeout: 2s
                override: false
              batch:
                timeout: 1s
            exporters:
              awsxray: {}
            service:
              extensions: [health_check]
              pipelines:
                traces:
                  receivers: [zipkin]
                  processors: [memory_limiter, resourcedetection, batch]
                  exporters: [awsxray]
            """.formatted(ZIPKIN_PORT);

    private TraceCollector() {}

    /** In a fixed order, so that the template does not change from one synthesis to the next. */
    private static Map<String, String> environment(FargateTaskDefinition task) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AOT_CONFIG_CONTENT", CONFIG);
        environment.put("AWS_REGION", Stack.of(task).getRegion());
        return environment;
    }

    /**
     * Adds the collector to the task definition, logging to {@code logGroup} under {@code streamPrefix}. The receiver
     * listens on every interface of the task, but the task's security group admits nothing on its port: only the
     * service, over the loopback, reaches it.
     */
    static ContainerDefinition addTo(FargateTaskDefinition task, ILogGroup logGroup, String streamPrefix) {
        return task.addContainer(
                "TraceCollector",
                ContainerDefinitionOptions.builder()
                        .containerName(CONTAINER_NAME)
                        .image(ContainerImage.fromRegistry(IMAGE))
                        .essential(false)
                        .memoryReservationMiB(MEMORY_RESERVATION_MIB)
                        .memoryLimitMiB(MEMORY_LIMIT_MIB)
                        .environment(environment(task))
                        .healthCheck(HealthCheck.builder()
                                .command(List.of("CMD", "/healthcheck"))
                                .interval(Duration.seconds(30))
                                .timeout(Duration.seconds(5))
                                .retries(3)
                                .startPeriod(Duration.seconds(10))
                                .build())
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logGroup)
                                .streamPrefix(streamPrefix)
                                .build()))
                        .build());
    }
}
