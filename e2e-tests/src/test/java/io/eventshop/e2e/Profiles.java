package io.eventshop.e2e;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import one.profiler.AsyncProfiler;

/**
 * CPU profiles of the running system, taken with async-profiler while the saga benchmark measures: one for this JVM
 * (the AWS endpoint and the benchmark's client) and one for each service's JVM, attached by its process id. Each part
 * gets a flame graph ({@code <part>.html}) and its stacks collapsed to one line each ({@code <part>.collapsed}), for
 * tools or a quick {@code sort}.
 */
final class Profiles {

    private static final String ENDPOINT = "aws-endpoint";

    private final Path library;
    private final Path directory;
    private final Map<String, Long> services;

    private Profiles(Path library, Path directory, Map<String, Long> services) {
        this.library = library;
        this.directory = directory;
        this.services = services;
    }

    /** Starts profiling every part, sampling its threads' CPU time every {@code intervalMillis}. */
    static Profiles start(List<String> serviceNames, Path directory, int intervalMillis) {
        Path library = extractLibrary();
        Map<String, Long> services = new LinkedHashMap<>();
        for (String service : serviceNames) {
            services.put(service, pidOf(service));
        }
        var profiles = new Profiles(library, directory, services);
        String start = "start,event=cpu,interval=" + intervalMillis + "ms";
        profiles.inThisJvm(start);
        services.values().forEach(pid -> profiles.command(pid, start));
        return profiles;
    }

    /** Stops profiling and writes each part's flame graph and collapsed stacks to the directory. */
    void stop() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inThisJvm(dump(ENDPOINT));
        inThisJvm(flameGraph(ENDPOINT));
        services.forEach((service, pid) -> {
            command(pid, dump(service));
            command(pid, flameGraph(service));
        });
    }

    private String dump(String part) {
        return "dump,collapsed,file=" + directory.resolve(part + ".collapsed");
    }

    private String flameGraph(String part) {
        return "stop,flamegraph,title=" + part + ",file=" + directory.resolve(part + ".html");
    }

    private void inThisJvm(String command) {
        try {
            AsyncProfiler.getInstance(library.toString()).execute(command);
        } catch (IOException e) {
            throw new UncheckedIOException("async-profiler could not run '" + command + "' in this JVM", e);
        }
    }

    private void command(long pid, String command) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                vm.loadAgentPath(library.toString(), command);
            } finally {
                vm.detach();
            }
        } catch (Exception e) {
            throw new IllegalStateException("async-profiler could not run '" + command + "' in process " + pid, e);
        }
    }

    private static long pidOf(String service) {
        return ServiceProcesses.of(service)
                .orElseThrow(() -> new IllegalStateException(service + " is not running"))
                .pid();
    }

    /** The native library from the async-profiler jar on the class path, as a file the JVMs can load. */
    private static Path extractLibrary() {
        String resource = "/linux-" + ("aarch64".equals(System.getProperty("os.arch")) ? "arm64" : "x64")
                + "/libasyncProfiler.so";
        try (InputStream in = AsyncProfiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " in the async-profiler jar");
            }
            Path library = Files.createTempFile("libasyncProfiler", ".so");
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            library.toFile().deleteOnExit();
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
