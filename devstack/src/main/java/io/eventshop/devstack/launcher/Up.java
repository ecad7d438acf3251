package io.eventshop.devstack.launcher;

import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code devstack up}: embedded PostgreSQL, the AWS endpoint, Zipkin and the five services, with their output prefixed
 * by service, a summary once all are ready, and a small console to stop and start one service while the others run.
 * Ctrl-C stops everything.
 *
 * <p>Tracing is on unless {@value #TRACING_VARIABLE} is {@code off}, which spares a small machine Zipkin's memory
 * and start-up time; the services then export no spans. Zipkin's jar comes with the devstack's build; without it (or
 * with its port taken) {@code up} says so and runs without tracing.
 */
public final class Up {

    /** The environment variable that turns tracing off: {@code EVENTSHOP_TRACING=off}. */
    public static final String TRACING_VARIABLE = "EVENTSHOP_TRACING";

    private final PrintStream out = System.out;
    private final Path projectDir;
    private final int awsPort;
    private final int databasePort;
    private final List<ServiceSpec> services;
    private final boolean tracing;
    private final FutureTask<EmbeddedDatabase> startingDatabase;
    private volatile LocalAwsEndpoint endpoint;
    private volatile LocalSystem system;
    private volatile Zipkin zipkin;

    /** With tracing on, unless {@value #TRACING_VARIABLE} says {@code off}. */
    public Up(Path projectDir, int awsPort, int databasePort) {
        this(projectDir, awsPort, databasePort, tracingByDefault());
    }

    /** @param tracing whether to start Zipkin and have the services send it their spans */
    public Up(Path projectDir, int awsPort, int databasePort, boolean tracing) {
        this(projectDir, awsPort, databasePort, ServiceSpec.ALL, tracing);
    }

    /** @param services the services to run, with their ports */
    Up(Path projectDir, int awsPort, int databasePort, List<ServiceSpec> services) {
        this(projectDir, awsPort, databasePort, services, tracingByDefault());
    }

    private Up(Path projectDir, int awsPort, int databasePort, List<ServiceSpec> services, boolean tracing) {
        this.projectDir = projectDir;
        this.awsPort = awsPort;
        this.databasePort = databasePort;
        this.services = List.copyOf(services);
        this.tracing = tracing;
        this.startingDatabase = new FutureTask<>(() -> EmbeddedDatabase.start(databasePort, null, false));
    }

    /** Tracing is on unless {@value #TRACING_VARIABLE} is {@code off} (or {@code false}, {@code 0}, {@code no}). */
    public static boolean tracingByDefault() {
        String value = System.getenv(TRACING_VARIABLE);
        return value == null
                || !List.of("off", "false", "0", "no").contains(value.trim().toLowerCase(Locale.ROOT));
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
        // Zipkin starts beside PostgreSQL and the endpoint, and is ready before the services send it anything.
        startZipkin();
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
        Optional<URI> spansEndpoint = awaitZipkin().map(Zipkin::spansEndpoint);
        system = new LocalSystem(
                projectDir, endpoint.url(), database, services, ServiceJvm.DEVSTACK, Map.of(), spansEndpoint, line -> {
                    synchronized (out) {
                        out.println(line);
                    }
                });
        system.startAll();
        printSummary(system, endpoint, database, Duration.ofNanos(System.nanoTime() - start));
        console(system);
        Thread.currentThread().join();
    }

    /** Starts Zipkin if tracing is on; if it cannot start, says why, and tracing stays off. */
    private void startZipkin() {
        if (!tracing) {
            return;
        }
        try {
            zipkin = Zipkin.start(Zipkin.jar(projectDir), Zipkin.DEFAULT_PORT, line -> {});
        } catch (RuntimeException e) {
            out.println("devstack  | tracing is off: " + e.getMessage());
        }
    }

    /** Zipkin once it answers, if it was started; if it does not become ready, tracing is off. */
    private Optional<Zipkin> awaitZipkin() {
        Zipkin started = zipkin;
        if (started == null) {
            return Optional.empty();
        }
        try {
            started.awaitReady(Zipkin.READY_TIMEOUT);
            out.println("devstack  | Zipkin ready on " + started.url());
            return Optional.of(started);
        } catch (RuntimeException e) {
            out.println("devstack  | tracing is off: " + e.getMessage());
            zipkin = null;
            started.close();
            return Optional.empty();
        }
    }

    /**
     * The one shutdown hook, which stops what has started in the reverse order of use: the services first, all at
     * once, so that each finishes its work in flight while PostgreSQL and the AWS endpoint still answer (and sends
     * its last spans while Zipkin still does); then Zipkin; then PostgreSQL, once it has started if it is starting;
     * then the endpoint. PostgreSQL's own hook is off (see
     * {@link EmbeddedDatabase#start(int, Path, boolean)}): hooks run concurrently, and it would pull the database from
     * under the services. A service that starts after this hook has looked is stopped by its watchdog, as this JVM
     * exits.
     */
    private void stop() {
        out.println("devstack  | stopping the services, then " + (zipkin != null ? "Zipkin, " : "")
                + "PostgreSQL and the AWS endpoint");
        try {
            if (system != null) {
                system.close();
            }
        } finally {
            try {
                Zipkin started = zipkin;
                if (started != null) {
                    started.close();
                }
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
            out.printf("  %-21s %s   (console: %s/_devstack/)%n", "AWS endpoint", endpoint.url(), endpoint.url());
            Zipkin traces = zipkin;
            if (traces != null) {
                out.printf(
                        "  %-21s %s   (every order's saga; ./devstack.sh demo links each order to its trace)%n",
                        "Zipkin (traces)", traces.url());
            } else {
                out.printf("  %-21s off%s%n", "Zipkin (traces)", tracing ? "" : " (" + TRACING_VARIABLE + "=off)");
            }
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
