package io.eventshop.devstack.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Zipkin, where the services send their spans and where a trace is looked at: Zipkin's own server, from the
 * {@code io.zipkin:zipkin-server} executable jar that the devstack's build copies to
 * {@code devstack/target/zipkin/zipkin-server.jar}, run as a process of its own with its spans in memory.
 *
 * <p>It takes about 5 s and 250 MB to start, which is why {@code up} can leave it (and tracing) off. Like a service, it
 * ends when the launcher that started it dies ({@link ParentWatchdog}).
 */
public final class Zipkin implements AutoCloseable {

    /** Zipkin's usual port, which the README's links use. */
    public static final int DEFAULT_PORT = 9411;

    /** How long Zipkin may take to answer its health check while the services start beside it. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** The last lines of its output, to tell why it did not start. */
    private static final int KEPT_LINES = 20;

    private final int port;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private Zipkin(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Where the devstack's build leaves Zipkin's jar in the checkout {@code projectDir}. */
    public static Path jar(Path projectDir) {
        return projectDir.resolve("devstack/target/zipkin/zipkin-server.jar");
    }

    /**
     * Starts Zipkin on {@code port}; it is not ready yet (see {@link #awaitReady}).
     *
     * @param output where each line of Zipkin's output goes (its start-up banner and warnings), already prefixed
     * @throws IllegalStateException if the jar is missing or the port is taken
     */
    public static Zipkin start(Path jar, int port, Consumer<String> output) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no Zipkin jar at " + jar + ": build the devstack first (./mvnw -pl devstack package -DskipTests)");
        }
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " is taken (another Zipkin, docker compose's?)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                // A small heap and the client compiler, as the services have: it shares two cores with five of them.
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                ParentWatchdog.javaAgentOption(),
                "-jar",
                jar.toString(),
                "--server.port=" + port);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            Zipkin zipkin = new Zipkin(port, process);
            Thread.ofPlatform().daemon().name("zipkin-output").start(() -> zipkin.pump(output));
            return zipkin;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Zipkin from " + jar, e);
        }
    }

    private void pump(Consumer<String> output) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                output.accept(String.format("%-21s| %s", "zipkin", line));
            }
        } catch (IOException e) {
            output.accept("zipkin               | (output closed: " + e.getMessage() + ")");
        }
    }

    /** Waits until Zipkin answers its health check, or fails if it exits or the time runs out. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create("http://localhost:" + port + "/health");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Zipkin exited with code " + process.exitValue() + " before it was ready: " + lastLines());
            }
            if (ServiceProcess.answers(health)) {
                return;
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Zipkin", e);
            }
        }
        throw new IllegalStateException("Zipkin was not ready within " + timeout + ": " + lastLines());
    }

    public int port() {
        return port;
    }

    /** Zipkin's UI. */
    public URI url() {
        return URI.create("http://localhost:" + port + "/zipkin/");
    }

    /**
     * Where the services send their spans (Zipkin's v2 API), as {@code MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT}
     * gives it to them.
     */
    public URI spansEndpoint() {
        return URI.create("http://localhost:" + port + "/api/v2/spans");
    }

    /** A trace's page in Zipkin's UI at {@code zipkin} (such as {@code http://localhost:9411}). */
    public static URI traceUrl(URI zipkin, String traceId) {
        return zipkin.resolve("/zipkin/traces/" + traceId);
    }

    /** Whether something at {@code zipkin} answers Zipkin's health check. */
    public static boolean isUp(URI zipkin) {
        return ServiceProcess.answers(zipkin.resolve("/health"));
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            return lastLines.isEmpty() ? "(no output)" : String.join(System.lineSeparator(), lastLines);
        }
    }

    /** Stops Zipkin with SIGTERM, and forcibly if it has not stopped after ten seconds. */
    @Override
    public void close() {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
