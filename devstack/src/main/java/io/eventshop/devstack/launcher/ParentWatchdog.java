package io.eventshop.devstack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent that ends a service when the launcher that started it dies, so that a launcher killed with {@code kill
 * -9} (or a crashed test JVM) leaves no service behind holding its port. A graceful stop never needs it: the launcher
 * sends SIGTERM first.
 *
 * <p>An agent, because the services are plain Spring Boot jars that know nothing of the devstack: {@code -javaagent}
 * adds a daemon thread to any JVM without touching its code. The agent is this one class, written to a small jar at
 * run time ({@link #javaAgentOption()}), so that it works wherever the launcher runs from: the devstack jar, or Maven's
 * {@code target/classes} in another module's tests. It uses the JDK alone, and no nested classes, so that the jar needs
 * nothing else.
 */
public final class ParentWatchdog {

    /** How long the service may take to shut down gracefully once its launcher is gone, before it is halted. */
    static final Duration GRACE = Duration.ofSeconds(20);

    private static Path agentJar;

    private ParentWatchdog() {}

    /**
     * The agent's entry point: {@code -javaagent:watchdog.jar=<launcher pid>}.
     *
     * @param launcherPid the process id of the launcher, which must still be this process's parent
     */
    public static void premain(String launcherPid) {
        long pid = Long.parseLong(launcherPid.trim());
        // If the launcher died before this JVM got here, the parent is already someone else (init, a subreaper).
        boolean launcherIsParent = ProcessHandle.current()
                .parent()
                .map(parent -> parent.pid() == pid)
                .orElse(false);
        CompletableFuture<ProcessHandle> launcherGone = launcherIsParent
                ? ProcessHandle.of(pid).map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null))
                : CompletableFuture.completedFuture(null);
        Thread.ofPlatform().daemon().name("parent-watchdog").start(() -> {
            launcherGone.join();
            System.err.println("the launcher (pid " + pid + ") is gone: shutting down");
            // If the shutdown hooks have not finished within the grace period, end the JVM all the same.
            CompletableFuture.delayedExecutor(GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> Runtime.getRuntime().halt(1));
            System.exit(1);
        });
    }

    /** The JVM option that arms the watchdog in a child process of this one. */
    static synchronized String javaAgentOption() {
        if (agentJar == null) {
            agentJar = writeAgentJar();
        }
        return "-javaagent:" + agentJar + "=" + ProcessHandle.current().pid();
    }

    /** Writes the agent's jar, once per JVM, to a temporary file deleted when the JVM exits. */
    private static Path writeAgentJar() {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        try {
            Path jar = Files.createTempFile("eventshop-parent-watchdog", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar);
                    var out = new JarOutputStream(file, manifest);
                    InputStream bytes = ParentWatchdog.class.getClassLoader().getResourceAsStream(entry)) {
                out.putNextEntry(new JarEntry(entry));
                bytes.transferTo(out);
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the parent watchdog's agent jar", e);
        }
    }
}
