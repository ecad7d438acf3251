package io.eventshop.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time used so far by the whole system on this machine, per part: this JVM (the AWS endpoint, and the
 * benchmark's own client), each service's JVM, and PostgreSQL (the postmaster and its backends). CPU time changes less
 * with the load on the machine than latency does: it says how much work an order costs, not how long it waited for a
 * core.
 *
 * <p>A process that ended between two snapshots takes its CPU time with it; the parts measured here live as long as
 * the system does (PostgreSQL's backends belong to the services' connection pools). PostgreSQL is found by its port:
 * {@code pg_ctl} detaches the server, so it is not among this JVM's descendants.
 */
record CpuUse(Map<String, Duration> byPart) {

    private static final String ENDPOINT = "AWS endpoint (and the benchmark's client)";
    private static final String POSTGRES = "PostgreSQL";

    /**
     * A snapshot of the CPU time used so far by this JVM, every process it started and the PostgreSQL server on
     * {@code postgresPort}, grouped by part.
     */
    static CpuUse now(List<String> services, int postgresPort) {
        Map<String, Duration> byPart = new LinkedHashMap<>();
        byPart.put(ENDPOINT, cpu(ProcessHandle.current()));
        services.forEach(service -> byPart.put(service, Duration.ZERO));
        byPart.put(POSTGRES, Duration.ZERO);
        ProcessHandle.current().descendants().forEach(process -> {
            String part = services.stream()
                    .filter(service -> ServiceProcesses.runs(process, service))
                    .findFirst()
                    .orElse("other");
            byPart.merge(part, cpu(process), Duration::plus);
        });
        ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("/bin/postgres ") && line.contains(" -p " + postgresPort + " "))
                        .orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .forEach(process -> byPart.merge(POSTGRES, cpu(process), Duration::plus));
        return new CpuUse(byPart);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The CPU time used between {@code earlier} and this snapshot. */
    CpuUse since(CpuUse earlier) {
        return new CpuUse(byPart.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        part -> part.getValue().minus(earlier.byPart().getOrDefault(part.getKey(), Duration.ZERO)),
                        (a, b) -> a,
                        LinkedHashMap::new)));
    }

    Duration total() {
        return byPart.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The total and each part, as milliseconds of CPU per unit of work ({@code per} orders, say). */
    String perUnit(int per) {
        return spread("%.0f ms", cpu -> millis(cpu) / Math.max(1, per));
    }

    /** The total and each part, as the average use of the machine over {@code elapsed}, in cores. */
    String cores(Duration elapsed) {
        return spread("%.2f cores", cpu -> millis(cpu) / millis(elapsed));
    }

    private String spread(String format, ToDoubleFunction<Duration> scale) {
        return Stream.concat(
                        Stream.of(Map.entry("total", total())),
                        byPart.entrySet().stream()
                                .filter(part -> !part.getValue().isZero()))
                .map(part ->
                        part.getKey() + " " + String.format(Locale.ROOT, format, scale.applyAsDouble(part.getValue())))
                .collect(Collectors.joining("; "));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
