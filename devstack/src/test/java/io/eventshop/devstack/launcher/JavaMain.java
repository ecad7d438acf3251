package io.eventshop.devstack.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A main class of the test classpath running in a JVM of its own, as a launcher does in real life: so that a test can
 * kill it, or press its Ctrl-C, and watch what is left. Its output is kept, line by line.
 */
final class JavaMain implements AutoCloseable {

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

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
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

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
