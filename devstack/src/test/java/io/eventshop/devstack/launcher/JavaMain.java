package io.eventshop.devstack.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A main class of the test classpath running in a JVM of its own, as a launcher does in real life: so that a test can
 * kill it, or press its Ctrl-C, and watch what is left. Its output is kept, line by line.
 */
final class JavaMain implements AutoCloseable {

    /** SIGINT's number, as {@code kill -l} lists it. */
    private static final int SIGINT = 2;

    /** How long {@link #close} gives the process to stop on SIGTERM before it is killed. */
    private static final Duration CLEAN_STOP = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private JavaMain(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        });
    }

    static JavaMain start(Class<?> main, Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=devstack-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        Stream.of(args).map(String::valueOf).forEach(command::add);
        return new JavaMain(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    Process process() {
        return process;
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** The first line of output that starts with {@code prefix}, if one has come yet. */
    Optional<String> line(String prefix) {
        return output.stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    /**
     * Sends SIGINT, as Ctrl-C in a terminal does. A process that ignores SIGINT cannot be stopped so: a shell without
     * job control starts its background jobs with SIGINT ignored, and their children inherit that. That is said here,
     * rather than later as a process that did not stop.
     */
    void interrupt() throws IOException, InterruptedException {
        if (ignoresSigint(process.pid())) {
            throw new IllegalStateException("process " + process.pid() + " ignores SIGINT, as it inherited from this"
                    + " build (started as a background job of a shell without job control?), so Ctrl-C cannot be"
                    + " tried on it: run the build in the foreground, or from a shell with job control (set -m)");
        }
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    /** Whether the process ignores SIGINT, by the SigIgn mask in /proc (Linux); false where there is no /proc. */
    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigIgn:"))
                    .map(line -> Long.parseUnsignedLong(
                            line.substring("SigIgn:".length()).trim(), 16))
                    .anyMatch(mask -> (mask & (1L << (SIGINT - 1))) != 0);
        }
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean isFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops the process if a test left it running: SIGTERM first, so that its shutdown hooks stop what is not its
     * descendant (PostgreSQL, which {@code pg_ctl} detaches), then SIGKILL for it and whatever it started.
     */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(CLEAN_STOP.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
