package io.eventshop.e2e;

import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.devstack.launcher.EmbeddedDatabase;
import io.eventshop.devstack.launcher.LocalSystem;
import io.eventshop.devstack.launcher.ServiceJvm;
import io.eventshop.devstack.launcher.ServiceSpec;
import io.eventshop.devstack.launcher.Zipkin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole system for the end-to-end tests, started once per test JVM: the in-JVM AWS endpoint, an embedded
 * PostgreSQL, and the five services as processes on free ports. The services' output goes to
 * {@code e2e-tests/target/services.log}.
 *
 * <p>The services run with their production settings, except for the waits, which are shortened to fit tests: the saga
 * deadline, the retry delays of failed messages, failed publications and refused refunds, and the time the payment
 * provider's circuit stays open.
 *
 * <p>Tracing is on, as in the devstack: a Zipkin server (the devstack's, from {@code devstack/target/zipkin}) runs on a
 * free port, and every service sends it its spans, so that a test can read an order's trace back.
 */
final class RunningSystem implements AutoCloseable {

    /** Short enough for a test to watch the deadline pass; longer than any healthy saga and the 30 s outage test. */
    static final Duration SAGA_DEADLINE = Duration.ofSeconds(60);

    /** An AWS endpoint to run against instead of the in-JVM devstack one; the {@code localstack} profile sets it. */
    static final String AWS_ENDPOINT_PROPERTY = "eventshop.e2e.aws-endpoint";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AutoCloseable endpointLease;
    private final LocalAwsEndpoint endpoint;
    private final URI awsEndpoint;
    private final EmbeddedDatabase database;
    private final PrintWriter log;
    /** Null when the system runs without tracing. */
    private final Zipkin zipkin;

    private final LocalSystem services;
    private final Eventshop client;
    private final Aws aws;
    private final ServiceDatabases databases;

    /** The system with the waits shortened for tests, and tracing on. */
    RunningSystem() {
        this(true, true, ServiceJvm.DEVSTACK);
    }

    /**
     * @param shortenedWaits whether the services run with the waits shortened for tests, or exactly as configured for
     *     production (the benchmark's choice)
     * @param tracing whether Zipkin runs and the services send it their spans
     * @param jvm the options the services' JVMs run with
     */
    RunningSystem(boolean shortenedWaits, boolean tracing, ServiceJvm jvm) {
        String external = System.getProperty(AWS_ENDPOINT_PROPERTY);
        this.endpointLease = external == null ? LocalAwsExtension.lease() : () -> {};
        this.endpoint = external == null ? LocalAwsExtension.endpoint() : null;
        this.awsEndpoint = external == null ? endpoint.url() : URI.create(external);
        Path projectRoot = projectRoot();
        this.log = openLog(projectRoot.resolve("e2e-tests/target/services.log"));
        // Zipkin starts first, and gets ready while PostgreSQL starts.
        this.zipkin = tracing ? Zipkin.start(Zipkin.jar(projectRoot), freePort(), this::log) : null;
        this.database = EmbeddedDatabase.start(0, null);
        if (zipkin != null) {
            try {
                zipkin.awaitReady(Zipkin.READY_TIMEOUT);
            } catch (RuntimeException e) {
                zipkin.close();
                database.close();
                throw e;
            }
        }
        List<ServiceSpec> specs = ServiceSpec.ALL.stream()
                .map(spec -> new ServiceSpec(spec.name(), freePort()))
                .toList();
        this.services = new LocalSystem(
                projectRoot,
                awsEndpoint,
                database,
                specs,
                jvm,
                shortenedWaits
                        ? specs.stream().collect(Collectors.toMap(ServiceSpec::name, spec -> testSettings(spec.name())))
                        : Map.of(),
                Optional.ofNullable(zipkin).map(Zipkin::spansEndpoint),
                this::log);
        this.client = new Eventshop(services);
        this.aws = new Aws(awsEndpoint);
        this.databases = new ServiceDatabases(this);
        try {
            services.startAll();
            awaitCatalogueReplica();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The checkout's root: the parent of e2e-tests when the tests run (Maven runs them in the module's folder), the
     * folder itself when the benchmark runs from the root with {@code -pl e2e-tests}.
     */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("e2e-tests")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the eventshop checkout: no folder above "
                + Path.of("").toAbsolutePath() + " holds e2e-tests and mvnw");
    }

    private static Map<String, String> testSettings(String service) {
        ObjectNode settings = JSON.createObjectNode();
        ObjectNode eventshop = settings.putObject("eventshop");
        ObjectNode messaging = eventshop.putObject("messaging");
        messaging
                .putObject("listener")
                .put("retry-initial-visibility", "1s")
                .put("retry-max-visibility", "2s")
                // A stopping service waits for its receive in flight: 2 s rather than 20 s per stop and restart.
                .put("poll-timeout", "2s");
        messaging.putObject("relay").put("initial-backoff", "500ms").put("max-backoff", "2s");
        switch (service) {
            case "order-service" ->
                eventshop
                        .putObject("order")
                        .put("saga-deadline", SAGA_DEADLINE.toSeconds() + "s")
                        .put("deadline-check-interval", "1s");
            case "payment-service" -> {
                ObjectNode payment = eventshop.putObject("payment");
                payment.putObject("refund-retry").put("initial-delay", "1s").put("max-delay", "2s");
                ObjectNode resilience4j = settings.putObject("resilience4j");
                resilience4j
                        .putObject("timelimiter")
                        .putObject("instances")
                        .putObject("payment-provider")
                        .put("timeout-duration", "1s");
                resilience4j
                        .putObject("circuitbreaker")
                        .putObject("instances")
                        .putObject("payment-provider")
                        .put("wait-duration-in-open-state", "2s");
            }
            default -> {}
        }
        return Map.of("SPRING_APPLICATION_JSON", settings.toString());
    }

    /**
     * order-service learns prices from inventory's ProductPriceChanged events, so it rejects orders until they have
     * arrived. One order of every product, accepted, proves they have; it runs through the saga before any test does.
     */
    private void awaitCatalogueReplica() {
        OrderRequest everything = OrderRequest.anOrder().forCustomer("e2e-warm-up");
        client.products()
                .forEach(product -> everything.withItem(product.get("sku").asString(), 1));
        String id = await().atMost(Eventshop.SETTLE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.placeOrder(everything), placed -> placed.status() == 202)
                .body()
                .get("id")
                .asString();
        client.awaitOrder(id, "CONFIRMED", "CANCELLED");
    }

    private void log(String line) {
        synchronized (log) {
            log.println(line);
        }
    }

    Eventshop client() {
        return client;
    }

    /** The Zipkin the services send their spans to. */
    Zipkin zipkin() {
        if (zipkin == null) {
            throw new IllegalStateException("this system runs without tracing");
        }
        return zipkin;
    }

    LocalSystem services() {
        return services;
    }

    /** The devstack endpoint, with its outage switch; a test that needs it is skipped against another endpoint. */
    LocalAwsEndpoint endpoint() {
        Assumptions.assumeTrue(endpoint != null, "the outage switch is the devstack endpoint's; LocalStack has none");
        return endpoint;
    }

    /** The tests' own AWS clients. */
    Aws aws() {
        return aws;
    }

    ServiceDatabases databases() {
        return databases;
    }

    /** The guarantees that every fault scenario ends by checking. */
    Invariants invariants() {
        return new Invariants(this);
    }

    /** The port of the PostgreSQL server that holds every service's database. */
    int databasePort() {
        return database.port();
    }

    /** The JDBC URL of a service's own database, for the tests' oracle. */
    String jdbcUrl(String service) {
        ServiceSpec spec = services.services().stream()
                .filter(candidate -> candidate.name().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
        return database.database(spec.database());
    }

    /**
     * Runs {@code action} with {@code service} stopped, and starts it again afterwards, whatever happens.
     *
     * @return what {@code action} returned
     */
    <T> T withStopped(String service, Supplier<T> action) {
        services.stop(service);
        try {
            return action.get();
        } finally {
            services.start(service);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintWriter openLog(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new PrintWriter(
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        aws.close();
        services.close();
        // After the services, which send their last spans as they stop.
        if (zipkin != null) {
            zipkin.close();
        }
        database.close();
        log.close();
        try {
            endpointLease.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not give the AWS endpoint back", e);
        }
    }
}
