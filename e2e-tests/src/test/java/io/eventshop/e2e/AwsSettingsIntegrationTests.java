package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.launcher.EmbeddedDatabase;
import io.eventshop.devstack.launcher.LocalSystem;
import io.eventshop.devstack.launcher.ServiceJvm;
import io.eventshop.devstack.launcher.ServiceProcess;
import io.eventshop.devstack.launcher.ServiceSpec;
import io.eventshop.messaging.topology.TopologyProvisioner;
import io.eventshop.topology.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One service jar started as the CDK stack {@code eventshop-services} starts it on ECS: with {@code AWS_REGION},
 * {@code EVENTSHOP_MESSAGING_PROVISION=false}, the topic's ARN in {@code EVENTSHOP_MESSAGING_TOPIC}, its database, and
 * no access keys: its credentials come from the SDK's default chain, which reads the task role's from the container
 * credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), served here by a small HTTP server.
 */
class AwsSettingsIntegrationTests {

    private static final String SERVICE = "shipping-service";
    private static final String QUEUE = Aws.queueOf(SERVICE).name();
    private static final Duration EXIT = Duration.ofSeconds(60);

    private static EmbeddedDatabase database;
    private static HttpServer taskRoleCredentials;
    private static final AtomicInteger credentialRequests = new AtomicInteger();

    private final List<String> output = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        database = EmbeddedDatabase.start(0, null);
        taskRoleCredentials = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        taskRoleCredentials.createContext("/v2/credentials/task-role", exchange -> {
            credentialRequests.incrementAndGet();
            byte[] body = """
                    {"AccessKeyId": "ASIAEVENTSHOPTASKROLE", "SecretAccessKey": "task-role-secret",
                     "Token": "task-role-session-token", "Expiration": "%s"}""".formatted(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        taskRoleCredentials.start();
    }

    @AfterAll
    static void stop() {
        taskRoleCredentials.stop(0);
        database.close();
    }

    @BeforeEach
    void noCredentialsServedYet() {
        credentialRequests.set(0);
    }

    @Test
    void withTheTopologyInPlaceTheServiceVerifiesItsPartCreatesNothingAndBecomesReady() {
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(0);
                Aws aws = new Aws(endpoint.url())) {
            new TopologyProvisioner(aws.sqs, aws.sns, aws.events)
                    .provision(Topology.read(Topology.class.getResourceAsStream("/topology.yaml")));
            // Another service's queue is gone: this service verifies only the part it uses, so it starts all the same.
            aws.sqs.deleteQueue(request ->
                    request.queueUrl(aws.queueUrl(Aws.queueOf("payment-service").name())));
            // The topology says 60 s: provisioning would set it back, verifying leaves it.
            setVisibilityTimeout(aws, "61");
            Set<String> before = resources(aws);

            ServiceProcess service = start(endpoint, endpoint.account().arn("sns", Aws.TOPIC));
            try {
                service.awaitReady(LocalSystem.READY_TIMEOUT);

                assertThat(output)
                        .anyMatch(line -> line.contains(
                                "Verified the messaging topology that shipping-service uses, and created nothing"))
                        .noneMatch(line -> line.contains("Provisioned the messaging topology"));
                assertThat(resources(aws)).isEqualTo(before);
                assertThat(visibilityTimeout(aws)).isEqualTo("61");
                assertThat(credentialRequests).hasPositiveValue();
            } finally {
                // Not a graceful stop: the listener's 20 s long poll would hold it up, and nothing here depends on it.
                service.stop(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void withItsPartOfTheTopologyMissingTheServiceExitsNamingTheCdkStack() {
        try (LocalAwsEndpoint empty = LocalAwsEndpoint.start(0)) {
            ServiceProcess service = start(empty, empty.account().arn("sns", Aws.TOPIC));
            try {
                assertThatIllegalStateException()
                        .isThrownBy(() -> service.awaitReady(EXIT))
                        .withMessageContaining("exited with code 1");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output)
                        .anyMatch(line -> line.contains("Missing SQS queue " + QUEUE
                                + "; deploy the CDK stack eventshop-messaging (infra/aws)")));
                assertThat(credentialRequests).hasPositiveValue();
            } finally {
                service.stop(Duration.ofSeconds(2));
            }
        }
    }

    /** Starts the service jar with what the CDK stack gives it, and the devstack endpoint. */
    private ServiceProcess start(LocalAwsEndpoint endpoint, String topicArn) {
        ServiceSpec spec = new ServiceSpec(SERVICE, RunningSystem.freePort());
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", database.database(spec.database()));
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("EVENTSHOP_MESSAGING_PROVISION", "false");
        environment.put("EVENTSHOP_MESSAGING_TOPIC", topicArn);
        environment.put(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:" + taskRoleCredentials.getAddress().getPort() + "/v2/credentials/task-role");
        // The one setting that AWS does not need: this is the devstack endpoint, not AWS.
        environment.put("AWS_ENDPOINT_URL", endpoint.url().toString());
        // The service inherits this JVM's environment, and a developer's may hold AWS keys or point at ~/.aws, which
        // the default chain reads before the container endpoint: blank them, so that the task role is all there is.
        for (String inherited : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) {
            environment.put(inherited, "");
        }
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        environment.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        return ServiceProcess.start(
                spec, spec.jar(RunningSystem.projectRoot()), ServiceJvm.DEVSTACK, environment, line -> {
                    output.add(line);
                    System.out.println(line);
                });
    }

    /** The names of every queue, topic, subscription, bus, rule, target and archive at the endpoint. */
    private static Set<String> resources(Aws aws) {
        Set<String> resources = new TreeSet<>();
        aws.sqs.listQueuesPaginator(request -> {}).queueUrls().forEach(url -> resources.add("queue " + url));
        aws.sns.listTopicsPaginator(request -> {}).topics().forEach(topic -> resources.add(topic.topicArn()));
        aws.sns
                .listSubscriptionsPaginator(request -> {})
                .subscriptions()
                .forEach(subscription -> resources.add(subscription.subscriptionArn()));
        aws.events.listEventBuses(request -> {}).eventBuses().forEach(bus -> {
            resources.add(bus.arn());
            aws.events
                    .listRules(request -> request.eventBusName(bus.name()))
                    .rules()
                    .forEach(rule -> {
                        resources.add(rule.arn());
                        aws.events
                                .listTargetsByRule(request ->
                                        request.eventBusName(bus.name()).rule(rule.name()))
                                .targets()
                                .forEach(target -> resources.add(rule.arn() + " -> " + target.arn()));
                    });
        });
        aws.events.listArchives(request -> {}).archives().forEach(archive -> resources.add(archive.archiveName()));
        return resources;
    }

    private static void setVisibilityTimeout(Aws aws, String seconds) {
        aws.sqs.setQueueAttributes(request -> request.queueUrl(aws.queueUrl(QUEUE))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, seconds)));
    }

    private static String visibilityTimeout(Aws aws) {
        return aws.sqs
                .getQueueAttributes(request ->
                        request.queueUrl(aws.queueUrl(QUEUE)).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT);
    }
}
