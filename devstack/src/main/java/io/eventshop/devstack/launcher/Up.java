package io.eventshop.devstack.launcher;

import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code devstack up}: embedded PostgreSQL, the AWS endpoint and the five services, with their output prefixed by
 * service, a summary once all are ready, and a small console to stop and start one service while the others run.
 * Ctrl-C stops everything.
 */
public final class Up {

    private final PrintStream out = System.out;
    private final Path projectDir;
    private final int awsPort;
    private final int databasePort;
    private final List<ServiceSpec> services;
    private final FutureTask<EmbeddedDatabase> startingDatabase;
    private volatile LocalAwsEndpoint endpoint;
    private volatile LocalSystem system;

    public Up(Path projectDir, int awsPort, int databasePort) {
        this(projectDir, awsPort, databasePort, ServiceSpec.ALL);
    }

    /** @param services the services to run, with their ports */
    Up(Path projectDir, int awsPort, int databasePort, List<ServiceSpec> services) {
        this.projectDir = projectDir;
        this.awsPort = awsPort;
        this.databasePort = databasePort;
        this.services = List.copyOf(services);
        this.startingDatabase = new FutureTask<>(() -> EmbeddedDatabase.start(databasePort, null, false));
    }

    /**
     * Starts everything and runs until the JVM is stopped. The shutdown hook is in place before anything starts, so
     * that Ctrl-C at any moment, or a failure (after which the command line exits), stops whatever has started.
     */
    public void run() throws InterruptedException {
        long start = System.nanoTime();
        // PostgreSQL (initdb, mostly) and the endpoint start side by side: neither needs the other.
        Thread.ofPlatform().name("devstack-postgres").start(startingDatabase);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "devstack-shutdown"));
        try {
            endpoint = LocalAwsEndpoint.start("127.0.0.1", awsPort, AwsAccount.DEFAULT);
        } catch (Exception e) { // Netty rethrows a BindException unchecked: a port in use
            throw new IllegalStateException("cannot start the AWS endpoint on 127.0.0.1:" + awsPort, e);
        }
        out.println("devstack  | AWS endpoint ready on " + endpoint.url());
        EmbeddedDatabase database;
        try {
            database = startingDatabase.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
        out.println(
                "devstack  | PostgreSQL ready on localhost:" + database.port() + " (user postgres, password postgres)");
        system = new LocalSystem(projectDir, endpoint.url(), database, services, Map.of(), line -> {
            synchronized (out) {
                out.println(line);
            }
        });
        system.startAll();
        printSummary(system, endpoint, database, Duration.ofNanos(System.nanoTime() - start));
        console(system);
        Thread.currentThread().join();
    }

    /**
     * The one shutdown hook, which stops what has started in the reverse order of use: the services first, all at
     * once, so that each finishes its work in flight while PostgreSQL and the AWS endpoint still answer; then
     * PostgreSQL, once it has started if it is starting; then the endpoint. PostgreSQL's own hook is off (see
     * {@link EmbeddedDatabase#start(int, Path, boolean)}): hooks run concurrently, and it would pull the database from
     * under the services. A service that starts after this hook has looked is stopped by its watchdog, as this JVM
     * exits.
     */
    private void stop() {
        out.println("devstack  | stopping the services, then PostgreSQL and the AWS endpoint");
        try {
            if (system != null) {
                system.close();
            }
        } finally {
            try {
                startedDatabase().ifPresent(EmbeddedDatabase::close);
            } finally {
                if (endpoint != null) {
                    endpoint.close();
                }
                out.println("devstack  | stopped");
                out.flush();
            }
        }
    }

    /** The database, once it has started (which the hook waits for); none if it failed to start. */
    private Optional<EmbeddedDatabase> startedDatabase() {
        try {
            return Optional.of(startingDatabase.get());
        } catch (ExecutionException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private void printSummary(LocalSystem system, LocalAwsEndpoint endpoint, EmbeddedDatabase database, Duration took) {
        synchronized (out) {
            out.println();
            out.printf("eventshop is ready in %.1f s%n", took.toMillis() / 1000.0);
            for (ServiceSpec spec : system.services()) {
                out.printf(
                        "  %-21s %s   (Swagger UI: %s/swagger-ui.html)%n",
                        spec.name(), system.url(spec.name()), system.url(spec.name()));
            }
            out.printf("  %-21s %s   (state: %s/_devstack/state)%n", "AWS endpoint", endpoint.url(), endpoint.url());
            out.printf("  %-21s jdbc:postgresql://localhost:%d/<service>_service%n", "PostgreSQL", database.port());
            out.println(
                    "Type 'stop <service>' or 'start <service>' to watch messages wait in a queue; Ctrl-C stops all.");
            out.println();
        }
    }

    /** Reads commands from the terminal until it closes. */
    private void console(LocalSystem system) {
        Thread.ofPlatform().daemon().name("devstack-console").start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    command(system, line.trim());
                }
            } catch (IOException e) {
                out.println("devstack  | console closed: " + e.getMessage());
            }
        });
    }

    private void command(LocalSystem system, String line) {
        String[] words = line.split("\\s+");
        try {
            switch (words[0]) {
                case "" -> {}
                case "stop" -> {
                    system.stop(words[1]);
                    out.println("devstack  | stopped " + words[1] + "; its messages wait in its queue");
                }
                case "start" -> {
                    system.start(words[1]);
                    out.println("devstack  | " + words[1] + " is ready again");
                }
                case "status" ->
                    system.services()
                            .forEach(spec -> out.printf(
                                    "devstack  | %-21s %s%n",
                                    spec.name(), system.isRunning(spec.name()) ? "running" : "stopped"));
                default -> out.println("devstack  | commands: stop <service>, start <service>, status");
            }
        } catch (RuntimeException e) {
            out.println("devstack  | " + line + ": " + e.getMessage());
        }
    }
}
