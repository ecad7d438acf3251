package io.eventshop.e2e;

import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.LocalAwsEndpoint;
import io.eventshop.devstack.junit.LocalAwsExtension;
import io.eventshop.devstack.launcher.EmbeddedDatabase;
import io.eventshop.devstack.launcher.LocalSystem;
import io.eventshop.devstack.launcher.ServiceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole system for the end-to-end tests, started once per test JVM: the in-JVM AWS endpoint, an embedded
 * PostgreSQL, and the five services as processes on free ports. The services' output goes to
 * {@code e2e-tests/target/services.log}.
 */
final class RunningSystem implements AutoCloseable {

    /** Short enough for a test to watch the deadline pass; longer than any healthy saga. */
    static final String SAGA_DEADLINE = "20s";

    private final AutoCloseable endpointLease;
    private final EmbeddedDatabase database;
    private final PrintWriter log;
    private final LocalSystem services;
    private final Eventshop client;

    RunningSystem() {
        this.endpointLease = LocalAwsExtension.lease();
        LocalAwsEndpoint endpoint = LocalAwsExtension.endpoint();
        this.database = EmbeddedDatabase.start(0, null);
        this.log = openLog(Path.of("target", "services.log"));
        List<ServiceSpec> specs = ServiceSpec.ALL.stream()
                .map(spec -> new ServiceSpec(spec.name(), freePort()))
                .toList();
        this.services = new LocalSystem(
                Path.of("..").toAbsolutePath().normalize(),
                endpoint.url(),
                database,
                specs,
                Map.of(
                        "order-service",
                        Map.of(
                                "SPRING_APPLICATION_JSON",
                                "{\"eventshop\":{\"order\":{\"saga-deadline\":\"" + SAGA_DEADLINE
                                        + "\",\"deadline-check-interval\":\"1s\"}}}")),
                line -> {
                    synchronized (log) {
                        log.println(line);
                    }
                });
        this.client = new Eventshop(services);
        try {
            services.startAll();
            awaitCatalogueReplica();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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

    Eventshop client() {
        return client;
    }

    LocalSystem services() {
        return services;
    }

    private static int freePort() {
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
        services.close();
        database.close();
        log.close();
        try {
            endpointLease.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not give the AWS endpoint back", e);
        }
    }
}
