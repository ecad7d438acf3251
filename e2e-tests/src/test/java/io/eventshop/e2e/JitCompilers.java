package io.eventshop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time that the JIT compilers of the system's JVMs (this one, which runs the AWS endpoint, and each service's)
 * have used so far. Read from Linux's scheduler statistics of each compiler thread ({@code /proc/<pid>/task/<tid>}),
 * as the JVM reports no thread's CPU time to another process. A compiler thread that the JVM has ended since takes its
 * time with it; the first of each kind lives as long as its JVM.
 */
final class JitCompilers {

    private JitCompilers() {}

    static Duration cpu(List<String> services) {
        if (!Files.isDirectory(Path.of("/proc", "self", "task"))) {
            throw new IllegalStateException(
                    "the saga benchmark reads the JIT compilers' CPU time from /proc, which this"
                            + " system has not: run it on Linux");
        }
        return Stream.concat(
                        Stream.of(ProcessHandle.current()),
                        services.stream().flatMap(service -> ServiceProcesses.of(service).stream()))
                .map(JitCompilers::cpu)
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration cpu(ProcessHandle jvm) {
        Path tasks = Path.of("/proc", Long.toString(jvm.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(JitCompilers::compiles)
                    .map(JitCompilers::onCpu)
                    .reduce(Duration.ZERO, Duration::plus);
        } catch (NoSuchFileException ended) {
            return Duration.ZERO;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the thread is one of HotSpot's compiler threads ("C1 CompilerThread0", cut to 15 characters). */
    private static boolean compiles(Path thread) {
        String name = read(thread.resolve("comm"));
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** The thread's time on a CPU: the first figure of its {@code schedstat}, in nanoseconds. */
    private static Duration onCpu(Path thread) {
        String stats = read(thread.resolve("schedstat"));
        return stats.isEmpty() ? Duration.ZERO : Duration.ofNanos(Long.parseLong(stats.split(" ")[0]));
    }

    /** The file's one line, or nothing if the thread has ended meanwhile. */
    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (NoSuchFileException ended) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
