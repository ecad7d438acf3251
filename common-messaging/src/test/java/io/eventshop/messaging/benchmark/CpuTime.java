package io.eventshop.messaging.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * CPU time used so far by the benchmark's JVM and its PostgreSQL, for the CPU that one event costs each path. The two
 * paths run on the same two cores as everything else, so their throughput says how much of the machine each one
 * needs per event; the CPU time says where that goes.
 *
 * @param threads the JVM's threads: the relay, the baseline's calls, the SDK clients, the endpoint (it runs in this
 *     JVM), and the benchmark's own polling. Not the JVM's compiler and garbage collector, which {@code process}
 *     counts too
 * @param process the whole JVM
 * @param postgres the PostgreSQL server on the benchmark's port: the postmaster and every process under it
 */
record CpuTime(Duration threads, Duration process, Duration postgres) {

    static CpuTime now(int postgresPort) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long threads = Arrays.stream(mx.getAllThreadIds())
                .map(mx::getThreadCpuTime)
                .filter(nanos -> nanos > 0)
                .sum();
        Duration postgres = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("/bin/postgres ") && line.contains(" -p " + postgresPort + " "))
                        .orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        return new CpuTime(Duration.ofNanos(threads), cpu(ProcessHandle.current()), postgres);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    CpuTime since(CpuTime earlier) {
        return new CpuTime(
                threads.minus(earlier.threads), process.minus(earlier.process), postgres.minus(earlier.postgres));
    }

    /**
     * Per event, in microseconds: the JVM's threads, its compiler and collector (the rest of the process), and
     * PostgreSQL. A thread that ended in between takes its CPU time out of the first figure and into the second.
     */
    String perEvent(int events) {
        return String.format(
                "%,5.0f µs per event: JVM threads %,4.0f, JVM compiler and GC %,4.0f, PostgreSQL %,4.0f",
                micros(process.plus(postgres)) / events,
                micros(threads) / events,
                micros(process.minus(threads)) / events,
                micros(postgres) / events);
    }

    private static double micros(Duration duration) {
        return duration.toNanos() / 1e3;
    }
}
