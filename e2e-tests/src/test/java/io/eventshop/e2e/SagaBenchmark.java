package io.eventshop.e2e;

import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.launcher.ServiceJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The saga benchmark: starts the whole system with its production settings, places orders at fixed rates (open loop: a
 * slow answer does not slow the sender down), and prints:
 *
 * <ul>
 *   <li>the latency from POST /orders to CONFIRMED, p50 and p99, at 20 orders/s;
 *   <li>the highest rate sustained for 60 s with every order confirmed and the p99 latency under 1 s (a backlog that
 *       grows would push it past that);
 *   <li>each service's resident memory after the run;
 *   <li>the relay lag and the inbox duplicate counts, from the services' own metrics.
 * </ul>
 *
 * <p>Run it with {@code ./mvnw -q -pl e2e-tests exec:exec@saga-benchmark}, after {@code ./mvnw -q install
 * -DskipTests}. The services run with the container image's JVM options ({@link ServiceJvm#PRODUCTION}: the optimising
 * compiler), and so does this JVM, which runs the AWS endpoint; the warm-up lasts until their compilers are done.
 * Arguments, in {@code -Dsaga.args}: {@code --quick} runs 15 s steps instead of 60 s, for a smoke test;
 * {@code --devstack-jvm} runs the services as {@code ./devstack.sh up} does, on the client compiler only
 * ({@link ServiceJvm#DEVSTACK}; {@code -Dsaga.jvm=-XX:TieredStopAtLevel=1} does the same for this JVM);
 * {@code --latency-only} stops after the 20 orders/s step and its breakdown of where the time went; {@code --tracing}
 * starts Zipkin and has every service send it all its spans, as the devstack does, so that the CPU per order with
 * tracing on can be set beside the figure without (Zipkin's own CPU is not counted: it stands for a trace backend
 * elsewhere); {@code --profile} takes a CPU profile of every JVM during the 20 orders/s step, with
 * async-profiler, and writes them to {@code e2e-tests/target/profiles} ({@link Profiles}).
 */
public final class SagaBenchmark {

    private static final List<String> SERVICES =
            Aws.QUEUES.stream().map(Aws.ConsumerQueue::service).toList();
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** The rate of the latency step, which the goals' figures come from; the warm-up ends at it. */
    private static final int MEASURED_RATE = 20;

    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(30);
    private static final Duration WARM_UP_AT_MOST = Duration.ofMinutes(15);
    /** The JIT compilers' use of the machine, in cores, all JVMs together, under which the warm-up ends. */
    private static final double COMPILERS_SETTLED = 0.05;

    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration SUSTAINED_P99 = Duration.ofSeconds(1);
    private static final Path PROFILES = Path.of("target", "profiles");

    private final Eventshop shop;
    private final ServiceDatabases databases;
    private final Duration step;
    private final int postgresPort;
    private final boolean profile;

    private SagaBenchmark(
            Eventshop shop, ServiceDatabases databases, Duration step, int postgresPort, boolean profile) {
        this.shop = shop;
        this.databases = databases;
        this.step = step;
        this.postgresPort = postgresPort;
        this.profile = profile;
    }

    /** One order as the benchmark saw it: when it was sent, and what became of it. */
    private record Placed(Instant sentAt, int status, String id) {}

    /** The outcome of one rate. */
    private record Run(int rate, int placed, int confirmed, int refused, List<Duration> latencies, CpuUse cpu) {

        Duration percentile(double p) {
            if (latencies.isEmpty()) {
                return Duration.ZERO;
            }
            List<Duration> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }

        boolean sustained() {
            return refused == 0 && confirmed == placed && percentile(0.99).compareTo(SUSTAINED_P99) <= 0;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%3d orders/s: %5d placed, %5d confirmed, %d refused; latency p50 %s, p99 %s; CPU %s per order%s",
                    rate,
                    placed,
                    confirmed,
                    refused,
                    millis(percentile(0.50)),
                    millis(percentile(0.99)),
                    millis(cpu.total().dividedBy(Math.max(1, placed))),
                    sustained() ? "" : "  (not sustained)");
        }
    }

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        boolean tracing = List.of(args).contains("--tracing");
        long started = System.nanoTime();
        ServiceJvm jvm = List.of(args).contains("--devstack-jvm") ? ServiceJvm.DEVSTACK : ServiceJvm.PRODUCTION;
        try (RunningSystem system = new RunningSystem(false, tracing, jvm)) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(
                    Locale.ROOT,
                    "The system started in %.1f s (five services, PostgreSQL, AWS endpoint%s)%n",
                    startup.toMillis() / 1000.0,
                    tracing ? ", Zipkin; tracing on, every span exported" : "; tracing off");
            var benchmark = new SagaBenchmark(
                    system.client(),
                    system.databases(),
                    Duration.ofSeconds(quick ? 15 : 60),
                    system.databasePort(),
                    List.of(args).contains("--profile"));
            benchmark.restock(100_000);
            benchmark.report(system, List.of(args).contains("--latency-only"));
        }
    }

    private void report(RunningSystem system, boolean latencyOnly) {
        // The services start cold: until the JIT has compiled their paths, the five of them need several times the CPU
        // the machine has, and the optimising compiler takes minutes over it (see warmUp).
        System.out.println("idle: " + idle(IDLE));
        warmUp();
        Instant latencyRunStarted = Instant.now();
        Optional<Profiles> profiles = profile ? Optional.of(Profiles.start(SERVICES, PROFILES, 1)) : Optional.empty();
        Duration compiledBefore = JitCompilers.cpu(SERVICES);
        Run latency = run(MEASURED_RATE, step.compareTo(Duration.ofSeconds(30)) < 0 ? step : Duration.ofSeconds(30));
        Duration compiled = JitCompilers.cpu(SERVICES).minus(compiledBefore);
        profiles.ifPresent(Profiles::stop);
        profiles.ifPresent(
                done -> System.out.println("CPU profiles of the 20 orders/s step: " + PROFILES.toAbsolutePath()));
        System.out.println(latency.describe());
        System.out.println("  CPU per order, by part: " + latency.cpu().perUnit(latency.placed()));
        System.out.println(
                "  of which the JIT compilers, all JVMs: " + millis(compiled.dividedBy(Math.max(1, latency.placed()))));
        System.out.println();
        System.out.println("Where the time went at 20 orders/s:");
        SagaTimeline.Hops hops = new SagaTimeline(system.databases(), SERVICES).since(latencyRunStarted);
        System.out.println(hops.table());

        int highest = latencyOnly ? -1 : highestRateSustained();
        System.out.println();
        System.out.println("| figure | measured | goal |");
        System.out.println("|---|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| POST /orders to CONFIRMED at 20 orders/s (%d orders, %d confirmed) | p50 %s, p99 %s | p50 ≤ 300 ms, p99 ≤ 1 s |%n",
                latency.placed(),
                latency.confirmed(),
                millis(latency.percentile(0.50)),
                millis(latency.percentile(0.99)));
        System.out.printf(
                Locale.ROOT,
                "| CPU per order at 20 orders/s, every process | %s | ≤ 70 ms |%n",
                millis(latency.cpu().total().dividedBy(Math.max(1, latency.placed()))));
        System.out.printf(
                Locale.ROOT,
                "| published to handler at 20 orders/s, p99 of the slowest hop (%s) | %s | ≤ 500 ms on every queue |%n",
                hops.slowestDelivery(),
                millis(hops.slowestDeliveryP99()));
        System.out.printf(
                Locale.ROOT,
                "| commit to published at 20 orders/s, p50 over every hop | %s | ≤ 50 ms |%n",
                millis(hops.relayP50()));
        if (!latencyOnly) {
            System.out.printf(
                    Locale.ROOT,
                    "| highest rate sustained for %d s, every order confirmed, p99 ≤ %d s | %d orders/s | ≥ 30 orders/s |%n",
                    step.toSeconds(),
                    SUSTAINED_P99.toSeconds(),
                    highest);
        }
        for (String service : SERVICES) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s: resident memory; relay lag mean, max; inbox duplicates | %s; %s, %s; %.0f | |%n",
                    service,
                    residentMemory(service),
                    millis(seconds(shop.metric(service, "eventshop_outbox_lag_seconds_sum")
                            / Math.max(1, shop.metric(service, "eventshop_outbox_lag_seconds_count")))),
                    millis(seconds(shop.metric(service, "eventshop_outbox_lag_seconds_max"))),
                    shop.metric(service, "eventshop_inbox_duplicates_total"));
        }
    }

    /**
     * Places orders in rounds of 30 s, first at 10 orders/s, a rate the services sustain even cold, until the JIT
     * compilers of all the JVMs together use less than a twentieth of a core over a round; then at the rate measured
     * first, 20, until they do again (a higher rate makes other paths hot: fuller batches, more messages in flight).
     * From then on, what a step measures is the compiled code, not the compiling. Each round is printed, and none
     * counts in the figures.
     */
    private void warmUp() {
        Instant deadline = Instant.now().plus(WARM_UP_AT_MOST);
        int rate = 10;
        for (int round = 1; ; round++) {
            Duration compiledBefore = JitCompilers.cpu(SERVICES);
            long started = System.nanoTime();
            Run run = run(rate, WARM_UP_ROUND);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            double compiling =
                    (double) JitCompilers.cpu(SERVICES).minus(compiledBefore).toNanos() / elapsed.toNanos();
            System.out.printf(
                    Locale.ROOT, "warm-up %d: %s; JIT compilers %.2f cores%n", round, run.describe(), compiling);
            if (compiling < COMPILERS_SETTLED) {
                if (rate == MEASURED_RATE) {
                    return;
                }
                rate = MEASURED_RATE;
            }
            if (Instant.now().isAfter(deadline)) {
                System.out.printf(
                        Locale.ROOT, "the JIT compilers were still busy after %d min%n", WARM_UP_AT_MOST.toMinutes());
                return;
            }
        }
    }

    /**
     * Steps the rate by 10 orders/s from the goal, 30: up while each step is sustained, or down until one is. Returns
     * the highest sustained.
     */
    private int highestRateSustained() {
        List<Run> rates = new ArrayList<>();
        int rate = 30;
        Run run = run(rate, step);
        rates.add(run);
        System.out.println(run.describe());
        int direction = run.sustained() ? 10 : -10;
        while (rate + direction > 0 && rate + direction <= 200) {
            rate += direction;
            run = run(rate, step);
            rates.add(run);
            System.out.println(run.describe());
            if (run.sustained() != (direction > 0)) {
                break;
            }
        }
        return rates.stream().filter(Run::sustained).mapToInt(Run::rate).max().orElse(0);
    }

    /**
     * What the system costs when nothing happens: the CPU that the listeners' long polls, the relays' fallback polls and
     * the services' housekeeping take from the two cores over {@code duration} with no order placed.
     */
    private String idle(Duration duration) {
        CpuUse before = CpuUse.now(SERVICES, postgresPort);
        CpuUse after = CompletableFuture.supplyAsync(
                        () -> CpuUse.now(SERVICES, postgresPort),
                        CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS))
                .join();
        return after.since(before).cores(duration);
    }

    /** Places orders at {@code rate} per second for {@code duration}, then waits for them to settle. */
    private Run run(int rate, Duration duration) {
        int orders = (int) (rate * duration.toSeconds());
        var placed = new ConcurrentLinkedQueue<Placed>();
        CpuUse cpuBefore = CpuUse.now(SERVICES, postgresPort);
        Instant placedSince = Instant.now();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        try (ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
                ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < orders; n++) {
                OrderRequest request = SagaPath.HAPPY.request(n);
                clock.schedule(
                        () -> customers.execute(() -> placed.add(place(request))), n * period, TimeUnit.NANOSECONDS);
            }
            clock.shutdown();
            awaitTermination(clock, duration.plus(DRAIN));
            customers.shutdown();
            awaitTermination(customers, DRAIN);
        }
        List<Placed> accepted =
                placed.stream().filter(order -> order.status() == 202).toList();
        List<Duration> latencies = new ArrayList<>();
        Instant drainEnds = Instant.now().plus(DRAIN);
        List<Placed> confirmed = new ArrayList<>();
        for (Placed order : accepted) {
            if (settle(order.id(), drainEnds).get("status").asString().equals("CONFIRMED")) {
                confirmed.add(order);
            }
        }
        Map<String, Instant> confirmations = confirmations(placedSince);
        for (Placed order : confirmed) {
            Instant confirmedAt = confirmations.get(order.id());
            if (confirmedAt == null) {
                throw new IllegalStateException("order " + order.id() + " is CONFIRMED, and order-service's outbox"
                        + " has no OrderConfirmed for it since " + placedSince);
            }
            latencies.add(Duration.between(order.sentAt(), confirmedAt));
        }
        return new Run(
                rate,
                orders,
                latencies.size(),
                orders - accepted.size(),
                latencies,
                CpuUse.now(SERVICES, postgresPort).since(cpuBefore));
    }

    private Placed place(OrderRequest request) {
        Instant sentAt = Instant.now();
        Eventshop.Response response = shop.placeOrder(request);
        String id = response.status() == 202 ? response.body().get("id").asString() : null;
        return new Placed(sentAt, response.status(), id);
    }

    /** The order once it has settled, or as it is when the drain ends. */
    private JsonNode settle(String id, Instant drainEnds) {
        Duration left = Duration.between(Instant.now(), drainEnds);
        try {
            return await().atMost(left.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : left)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> shop.order(id),
                            order -> !order.get("status").asString().equals("PENDING"));
        } catch (ConditionTimeoutException stuck) {
            return shop.order(id);
        }
    }

    /**
     * When order-service made each order CONFIRMED: when the transaction that did wrote the order's OrderConfirmed to
     * its outbox ({@code created_at}), just before it committed. Not the saga step's time, which is the time of the
     * event that caused it (ShipmentScheduled, at shipping-service), before the last hop: its relay, its queue and
     * order-service's handling.
     */
    private Map<String, Instant> confirmations(Instant since) {
        Map<String, Instant> confirmations = new HashMap<>();
        for (Map<String, Object> row : databases.rows(
                "order-service",
                "select ordering_key, created_at from outbox_event where event_type = 'OrderConfirmed'"
                        + " and created_at >= ?",
                Timestamp.from(since))) {
            confirmations.put((String) row.get("ordering_key"), ((Timestamp) row.get("created_at")).toInstant());
        }
        return confirmations;
    }

    private void restock(int quantity) {
        for (String sku : SagaPath.PLENTIFUL) {
            Eventshop.Response response =
                    shop.put("inventory-service", "/products/" + sku + "/stock", "{\"quantity\":" + quantity + "}");
            if (response.status() != 200) {
                throw new IllegalStateException("could not restock " + sku + ": " + response);
            }
        }
    }

    /** The resident set of the service's process, from /proc: the memory it really holds. */
    private static String residentMemory(String service) {
        return ServiceProcesses.of(service)
                .map(process -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                                .filter(line -> line.startsWith("VmRSS:"))
                                .map(line -> line.substring("VmRSS:".length()).trim())
                                .findFirst()
                                .orElse("?");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .orElse("not found");
    }

    private static void awaitTermination(ExecutorService executor, Duration bound) {
        try {
            if (!executor.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
    }
}
