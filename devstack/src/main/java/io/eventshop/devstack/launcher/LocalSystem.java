package io.eventshop.devstack.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The five services running against one database server and one AWS endpoint, each in its own process. A single
 * service can be stopped and started again while the others run; its messages wait in its queue meanwhile. With
 * tracing on, each service sends its spans to Zipkin.
 */
public final class LocalSystem implements AutoCloseable {

    /** How long a service may take to become ready; five JVMs starting at once on two cores take a while. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path projectDir;
    private final URI awsEndpoint;
    private final EmbeddedDatabase database;
    private final Consumer<String> output;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final ServiceJvm jvm;
    private final Map<String, Map<String, String>> overrides;
    private final Optional<URI> spansEndpoint;
    private final Map<String, ServiceProcess> running = new HashMap<>();
    private final String sealingSecret = newSealingSecret();
    private boolean closed;

    /**
     * @param projectDir the checkout, where each service's jar is under {@code <service>/target}
     * @param services the services to run, with their ports
     * @param jvm the options their JVMs run with
     * @param overrides extra environment variables per service name (for tests: a short saga deadline, say)
     * @param spansEndpoint where the services send their spans (Zipkin's {@code /api/v2/spans}) when tracing is on;
     *     empty when it is off, and the services then export nothing
     */
    public LocalSystem(
            Path projectDir,
            URI awsEndpoint,
            EmbeddedDatabase database,
            List<ServiceSpec> services,
            ServiceJvm jvm,
            Map<String, Map<String, String>> overrides,
            Optional<URI> spansEndpoint,
            Consumer<String> output) {
        this.projectDir = projectDir;
        this.awsEndpoint = awsEndpoint;
        this.database = database;
        this.output = output;
        this.jvm = jvm;
        this.overrides = Map.copyOf(overrides);
        this.spansEndpoint = spansEndpoint;
        services.forEach(spec -> specs.put(spec.name(), spec));
    }

    /** Starts every service at once and waits until all are ready. */
    public void startAll() {
        specs.keySet().forEach(this::launch);
        inParallel(running.values(), process -> process.awaitReady(READY_TIMEOUT));
    }

    /** Starts one service (again) and waits until it is ready. */
    public synchronized void start(String service) {
        launch(service).awaitReady(READY_TIMEOUT);
    }

    /** Stops one service gracefully; the others keep running. */
    public synchronized void stop(String service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.close();
        }
    }

    public boolean isRunning(String service) {
        ServiceProcess process = running.get(service);
        return process != null && process.isAlive();
    }

    /** The base URL of a service's REST API, such as {@code http://localhost:8081}. */
    public URI url(String service) {
        return URI.create("http://localhost:" + spec(service).port());
    }

    public List<ServiceSpec> services() {
        return List.copyOf(specs.values());
    }

    private synchronized ServiceProcess launch(String service) {
        if (closed) {
            throw new IllegalStateException("the system is stopping; " + service + " does not start");
        }
        if (isRunning(service)) {
            throw new IllegalStateException(service + " is already running");
        }
        ServiceSpec spec = spec(service);
        Map<String, String> environment = new HashMap<>(environment(database.database(spec.database()), awsEndpoint));
        if (SEALING_SERVICES.contains(service)) {
            environment.put("EVENTSHOP_SEALING_SECRET", sealingSecret);
        }
        spansEndpoint.ifPresent(endpoint -> environment.putAll(tracingEnvironment(endpoint)));
        environment.putAll(overrides.getOrDefault(service, Map.of()));
        ServiceProcess process = ServiceProcess.start(spec, spec.jar(projectDir), jvm, environment, output);
        running.put(service, process);
        return process;
    }

    /**
     * The services that share the sealing secret: order-service seals the customer's payment token into OrderPlaced,
     * payment-service opens it. No other service is given the secret. It is made afresh for each system, and kept
     * while the system runs, so that a restarted service still opens what was sealed before.
     */
    static final Set<String> SEALING_SERVICES = Set.of("order-service", "payment-service");

    private static String newSealingSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /**
     * The environment a service runs with, here and under docker compose alike (a test compares the two): its
     * database, the AWS endpoint and credentials, and provisioning of the topology at start-up.
     */
    public static Map<String, String> environment(String jdbcUrl, URI awsEndpoint) {
        return Map.of(
                "SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres",
                "AWS_ENDPOINT_URL", awsEndpoint.toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "EVENTSHOP_MESSAGING_PROVISION", "true");
    }

    /**
     * What turns a service's span export on: Zipkin's endpoint, and every trace recorded (as the services'
     * application.yml has it already; set here too, so that a trace backend always gets whole sagas).
     */
    public static Map<String, String> tracingEnvironment(URI spansEndpoint) {
        return Map.of(
                "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT",
                spansEndpoint.toString(),
                "MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
                "1.0");
    }

    private ServiceSpec spec(String service) {
        ServiceSpec spec = specs.get(service);
        if (spec == null) {
            throw new IllegalArgumentException("no service " + service + "; the services are " + specs.keySet());
        }
        return spec;
    }

    /** Stops every service, all at once; none starts afterwards. */
    @Override
    public synchronized void close() {
        closed = true;
        inParallel(running.values(), ServiceProcess::close);
        running.clear();
    }

    /**
     * Runs the action on every process at the same time, one thread each, and waits for all. Not the common
     * fork-join pool: on two cores it runs one task at a time, and five graceful stops in a row take minutes.
     */
    private static void inParallel(Collection<ServiceProcess> processes, Consumer<ServiceProcess> action) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (ServiceProcess process : List.copyOf(processes)) {
            var done = new CompletableFuture<Void>();
            Thread.ofPlatform().name(process.spec().name()).start(() -> {
                try {
                    action.accept(process);
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            all.add(done);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
}
