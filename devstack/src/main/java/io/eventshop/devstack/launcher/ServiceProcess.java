package io.eventshop.devstack.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A service running as its own JVM, as in production: started with {@code java -jar}, configured by environment
 * variables, its output passed on line by line with its name in front, and stopped with SIGTERM so that it shuts down
 * gracefully (its listener finishes the messages in flight).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How long to wait, once the service has exited, for its last lines of output to be passed on. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final ServiceSpec spec;
    private final Process process;
    private final Thread output;

    private ServiceProcess(ServiceSpec spec, Process process, Thread output) {
        this.spec = spec;
        this.process = process;
        this.output = output;
    }

    /**
     * Starts the service; it is not ready yet (see {@link #awaitReady}).
     *
     * @param jvm the options its JVM runs with
     * @param environment the service's configuration, such as {@code SPRING_DATASOURCE_URL}
     * @param output where each line of its output goes, already prefixed with its name
     */
    public static ServiceProcess start(
            ServiceSpec spec, Path jar, ServiceJvm jvm, Map<String, String> environment, Consumer<String> output) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm.options());
        // Ends the service if this JVM dies without stopping it (kill -9, a crash).
        command.add(ParentWatchdog.javaAgentOption());
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(spec.port()));
        try {
            Process process = builder.start();
            // A platform thread: a virtual one would pin its carrier in the blocking pipe read, and five of them can
            // starve every other virtual thread of the JVM (the in-JVM AWS endpoint's, in the e2e tests).
            Thread pump =
                    Thread.ofPlatform().daemon().name(spec.name() + "-output").start(() -> pump(spec, process, output));
            return new ServiceProcess(spec, process, pump);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + spec.name(), e);
        }
    }

    private static void pump(ServiceSpec spec, Process process, Consumer<String> output) {
        String prefix = String.format("%-21s| ", spec.name());
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.accept(prefix + line);
            }
        } catch (IOException e) {
            output.accept(prefix + "(output closed: " + e.getMessage() + ")");
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The operating system's id of the service's process. */
    public long pid() {
        return process.pid();
    }

    /** Waits until the service answers its readiness probe, or fails if it exits or the time runs out. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create("http://localhost:" + spec.port() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + " before it was ready; see its output");
            }
            if (answers(readiness)) {
                return;
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
            }
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout);
    }

    /** Whether {@code uri} answers 200 within two seconds: a readiness or health probe. */
    static boolean answers(URI uri) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the service gracefully, and forcibly if it has not stopped after {@code grace}; then waits for its last
     * lines of output, which tell how its shutdown went.
     */
    public void stop(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        // SIGTERM through the handle: Process.destroy() would also close the pipe, and lose what the service says
        // while it shuts down.
        process.toHandle().destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            output.join(DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
