package io.eventshop.messaging.benchmark;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.messaging.MessagingProperties;
import io.eventshop.messaging.MessagingTestApplication;
import io.eventshop.messaging.outbox.Outbox;
import io.eventshop.messaging.outbox.OutboxRelay;
import io.eventshop.messaging.testing.EmbeddedDatabases;
import io.eventshop.messaging.topology.TopologyProvisioner;
import io.eventshop.topology.Topology;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Measures the outbox relay against the devstack endpoint and embedded PostgreSQL, and prints each figure beside a
 * baseline measured in the same run: the same events published straight to SNS and EventBridge, with no outbox. Run it
 * with {@code ./mvnw -q -pl common-messaging -am test-compile -Prelay-benchmark} (see common-messaging/README.md).
 */
public final class RelayBenchmark {

    private static final int ORDERS = 2_000;
    /**
     * Unreported throughput rounds before the measured one: in the first rounds each path runs code that is still being
     * compiled (the relay's, first in a round, the more), and the ratio rises from round to round. The benchmark's JVM
     * runs on the client compiler only, as the devstack's services do (pom.xml), which compiles within the first round
     * where the optimising compiler was still at work in the third.
     */
    private static final int WARM_UP_ROUNDS = 2;

    private static final int EVENTS_PER_ORDER = 10;
    private static final int EVENTS_PER_TRANSACTION = 10;
    private static final int LATENCY_SAMPLES = 500;
    private static final Duration LATENCY_INTERVAL = Duration.ofMillis(20);

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final DirectPublisher direct;
    private final SqsClient sqs;
    private final TopologyProvisioner provisioner;
    private final Topology topology;
    /** The relay's calls in flight per destination, which the baseline makes too. */
    private final int maxInFlight;

    private final int postgresPort;

    private RelayBenchmark(ConfigurableApplicationContext context, DirectPublisher direct) {
        this.outbox = context.getBean(Outbox.class);
        this.relay = context.getBean(OutboxRelay.class);
        this.transaction = context.getBean(TransactionTemplate.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.direct = direct;
        this.sqs = context.getBean(SqsClient.class);
        this.provisioner = context.getBean(TopologyProvisioner.class);
        this.topology = context.getBean(Topology.class);
        this.maxInFlight = context.getBean(MessagingProperties.class).relay().maxInFlight();
        this.postgresPort = URI.create(context.getEnvironment()
                        .getRequiredProperty("spring.datasource.url")
                        .substring("jdbc:".length()))
                .getPort();
    }

    public static void main(String[] args) {
        System.out.println("eventshop relay benchmark, " + Runtime.getRuntime().availableProcessors() + " cores");
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(0);
                ConfigurableApplicationContext context = service(endpoint, args);
                DirectPublisher direct = new DirectPublisher(endpoint, "order-events.fifo", "eventshop")) {
            var benchmark = new RelayBenchmark(context, direct);
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                benchmark.throughput(ORDERS).printAsWarmUp(round);
            }
            benchmark.throughput(ORDERS).print();
            benchmark.latency();
        }
    }

    /**
     * payment-service, with the production relay settings, provisioning the topology at start-up. The benchmark's
     * arguments come last, so they can change a setting, such as {@code --eventshop.messaging.relay.batch-size=500}.
     */
    private static ConfigurableApplicationContext service(LocalAwsEndpoint endpoint, String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", EmbeddedDatabases.createDatabase());
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        settings.put("spring.cloud.aws.endpoint", endpoint.url().toString());
        settings.put("spring.cloud.aws.region.static", "us-east-1");
        settings.put("spring.cloud.aws.credentials.access-key", "test");
        settings.put("spring.cloud.aws.credentials.secret-key", "test");
        settings.put("eventshop.messaging.service-name", "payment-service");
        settings.put("eventshop.messaging.provision", "true");
        settings.put("eventshop.messaging.relay.poll-interval", "1s");
        settings.put("eventshop.messaging.relay.initial-backoff", "1s");
        settings.put("eventshop.messaging.relay.max-backoff", "5m");
        settings.put("logging.level.io.eventshop", "WARN");
        settings.put("logging.level.org.springframework", "WARN");
        for (String arg : args) {
            String[] setting = arg.replaceFirst("^--", "").split("=", 2);
            settings.put(setting[0], setting[1]);
        }
        // As command-line arguments, they win over the test application.properties (made for fast tests).
        return new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(settings.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
    }

    /**
     * Events written while the relay is stopped, then the time it takes to publish them all to both destinations, and
     * the time the baseline takes to publish the same events.
     */
    private Throughput throughput(int orderCount) {
        int total = orderCount * EVENTS_PER_ORDER;
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            orders.add(UUID.randomUUID());
        }
        relay.stop();
        for (int round = 0; round < EVENTS_PER_ORDER; round++) {
            for (int from = 0; from < orderCount; from += EVENTS_PER_TRANSACTION) {
                List<UUID> some = orders.subList(from, from + EVENTS_PER_TRANSACTION);
                transaction.executeWithoutResult(
                        status -> some.forEach(order -> outbox.add(paymentAuthorized(order), UUID.randomUUID(), null)));
            }
        }
        freshQueues();
        CpuTime cpu = CpuTime.now(postgresPort);
        long start = System.nanoTime();
        relay.start();
        while (anyUnpublished()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        double relayRate = total / seconds(System.nanoTime() - start);
        CpuTime relayCpu = CpuTime.now(postgresPort).since(cpu);

        freshQueues();
        cpu = CpuTime.now(postgresPort);
        CpuTime directCpu;
        start = System.nanoTime();
        try (ExecutorService calls = Executors.newFixedThreadPool(2 * maxInFlight)) {
            for (int round = 0; round < EVENTS_PER_ORDER; round++) {
                List<Future<?>> roundCalls = new ArrayList<>();
                for (int from = 0; from < orderCount; from += EVENTS_PER_TRANSACTION) {
                    List<EventEnvelope> batch = orders.subList(from, from + EVENTS_PER_TRANSACTION).stream()
                            .map(order -> envelope(paymentAuthorized(order)))
                            .toList();
                    roundCalls.add(calls.submit(() -> direct.publishToTopic(batch)));
                    roundCalls.add(calls.submit(() -> direct.putEvents(batch)));
                }
                // An order's next event only once its last one is out, as the relay keeps each group in order.
                awaitAll(roundCalls);
            }
            // Before the calls' threads end and take their CPU time with them.
            directCpu = CpuTime.now(postgresPort).since(cpu);
        }
        double directRate = total / seconds(System.nanoTime() - start);
        return new Throughput(total, orderCount, relayRate, directRate, maxInFlight, relayCpu, directCpu);
    }

    /** The figures of one throughput round: events per second, and the CPU time each path used. */
    private record Throughput(
            int events,
            int orders,
            double relayRate,
            double directRate,
            int callsInFlight,
            CpuTime relayCpu,
            CpuTime directCpu) {

        void printAsWarmUp(int round) {
            System.out.printf(
                    "warm-up round %d: relay %,.0f events/s, direct publish %,.0f events/s, ratio %.2f%n",
                    round, relayRate, directRate, relayRate / directRate);
        }

        void print() {
            System.out.printf(
                    "%nThroughput, %,d events of %,d orders to SNS and EventBridge, after %d rounds of warm-up%n",
                    events, orders, WARM_UP_ROUNDS);
            System.out.printf("  outbox relay     %,8.0f events/s%n", relayRate);
            System.out.printf(
                    "  direct publish   %,8.0f events/s   (baseline: PublishBatch + PutEvents, 10 per call,"
                            + " %d calls in flight to each)%n",
                    directRate, callsInFlight);
            System.out.printf("  relay ÷ direct publish: %.2f%n", relayRate / directRate);
            System.out.println("  CPU, outbox relay     " + relayCpu.perEvent(events));
            System.out.println("  CPU, direct publish   " + directCpu.perEvent(events));
        }
    }

    /** Events committed one at a time at a moderate rate: the time from commit to published on both destinations. */
    private void latency() {
        freshQueues();
        Map<UUID, Instant> committed = new HashMap<>();
        long next = System.nanoTime();
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += LATENCY_INTERVAL.toNanos();
            EventEnvelope event = transaction.execute(
                    status -> outbox.add(paymentAuthorized(UUID.randomUUID()), UUID.randomUUID(), null));
            committed.put(event.eventId(), Instant.now());
        }
        while (anyUnpublished()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        var relayLatencies = new Latencies();
        jdbc.sql("select event_id, greatest(sns_published_at, events_published_at) from outbox_event")
                .query((rs, row) -> {
                    Instant commit = committed.get(rs.getObject(1, UUID.class));
                    if (commit != null) {
                        relayLatencies.add(Duration.between(
                                commit, rs.getObject(2, OffsetDateTime.class).toInstant()));
                    }
                    return row;
                })
                .list();

        var directLatencies = new Latencies();
        freshQueues();
        next = System.nanoTime();
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += LATENCY_INTERVAL.toNanos();
            long start = System.nanoTime();
            direct.publish(List.of(envelope(paymentAuthorized(UUID.randomUUID()))));
            directLatencies.add(Duration.ofNanos(System.nanoTime() - start));
        }

        System.out.printf(
                "%nLatency, one event every %d ms, commit to published on both destinations%n",
                LATENCY_INTERVAL.toMillis());
        System.out.println("  outbox relay     " + relayLatencies);
        System.out.println("  direct publish   " + directLatencies + "   (baseline: one PublishBatch + PutEvents)");
    }

    /**
     * Deletes the queues and provisions them again, empty, so that every measurement starts from the same state: no
     * messages left over, no deduplication ids or receive attempts remembered from the measurement before.
     */
    private void freshQueues() {
        sqs.listQueues().queueUrls().forEach(queueUrl -> sqs.deleteQueue(request -> request.queueUrl(queueUrl)));
        provisioner.provision(topology);
    }

    /**
     * Whether an event waits for a destination. It is asked every 10 ms while the relay drains, so it must cost the
     * database next to nothing: each {@code exists} stops at the first row of its destination's partial index of
     * unpublished rows. A {@code count(*)} here read every unpublished row, 100 times a second, and charged the relay
     * for the benchmark's own polling.
     */
    private boolean anyUnpublished() {
        return jdbc.sql("""
                        select exists (select 1 from outbox_event where sns_published_at is null)
                            or exists (select 1 from outbox_event where events_published_at is null)
                        """).query(Boolean.class).single();
    }

    private static void awaitAll(List<Future<?>> calls) {
        for (Future<?> call : calls) {
            try {
                call.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the baseline published", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the baseline failed to publish", e.getCause());
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
