package io.eventshop.devstack.aws.benchmark;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Measures the devstack endpoint on this machine and prints each figure beside a baseline measured in the same run.
 * Run it with {@code ./mvnw -q -pl devstack -am package -DskipTests && ./mvnw -q -pl devstack exec:java@benchmark}
 * (see devstack/README.md); {@code -Dfigures=sns,events} measures only the figures named ({@code ready}, {@code sqs},
 * {@code sns}, {@code events}, {@code mixed}).
 */
public final class EndpointBenchmark {

    private static final int THREADS = 8;
    /** Throughput is measured at saturation: enough clients that neither path waits on a client. */
    private static final int THROUGHPUT_THREADS = 32;

    private static final int SQS_CYCLES_PER_THREAD = 500;
    private static final int LATENCY_SAMPLES = 2_000;
    private static final int MIXED_REQUESTS = 100_000;
    /** The figures, in the order they are measured; {@code -Dfigures=sns,events} measures only those. */
    private static final List<String> FIGURES = List.of("ready", "sqs", "sns", "events", "mixed");

    private EndpointBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "devstack/target/devstack.jar");
        System.out.println(
                "eventshop devstack benchmark, " + Runtime.getRuntime().availableProcessors() + " cores");
        Set<String> figures =
                Set.of(System.getProperty("figures", String.join(",", FIGURES)).split(","));
        if (figures.contains("ready")) {
            measure("time to ready", () -> timeToReady(jar));
        }
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(0)) {
            if (figures.contains("sqs")) {
                measure("SQS throughput", () -> sqsThroughput(endpoint));
            }
            if (figures.contains("sns")) {
                measure("SNS latency", () -> snsLatency(endpoint));
            }
            if (figures.contains("events")) {
                measure("EventBridge latency", () -> eventBridgeLatency(endpoint));
            }
            if (figures.contains("mixed")) {
                measure("mixed requests", () -> mixedRequests(endpoint));
            }
        }
    }

    private interface Figure {
        void measure() throws Exception;
    }

    /** A figure that fails is reported, and the others are still measured. */
    private static void measure(String name, Figure figure) {
        try {
            figure.measure();
        } catch (Exception e) {
            System.out.println(name + ": FAILED: " + e);
        }
    }

    // time to ready

    private static void timeToReady(Path jar) throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            System.out.println("time to ready: skipped, no " + jar + " (run ./mvnw -pl devstack package first)");
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long[] ready = new long[3];
        long[] jvmOnly = new long[3];
        for (int i = 0; i < ready.length; i++) {
            jvmOnly[i] =
                    timeProcess(List.of(java, "-cp", jar.toString(), "io.eventshop.devstack.Devstack", "--help"), null);
            ready[i] = timeProcess(List.of(java, "-jar", jar.toString(), "aws", "--port", "0"), "ready on");
        }
        long readyMs = median(ready);
        System.out.printf(
                "time to ready: %d ms (goal <= 3000 ms); baseline, the same JVM printing its usage: %d ms%n",
                readyMs, median(jvmOnly));
    }

    private static long timeProcess(List<String> command, String readyLine) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (readyLine != null && line.contains(readyLine)) {
                    long elapsed = System.nanoTime() - start;
                    process.destroy();
                    process.waitFor(10, TimeUnit.SECONDS);
                    return TimeUnit.NANOSECONDS.toMillis(elapsed);
                }
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        if (readyLine != null) {
            throw new IllegalStateException("the endpoint never printed its ready line");
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    // SQS throughput

    private static void sqsThroughput(LocalAwsEndpoint endpoint) throws Exception {
        SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .withSQSLimits(StrictSQSLimits$.MODULE$)
                .start();
        int elasticMqPort = elasticMq.waitUntilStarted().localAddress().getPort();
        try (SqsClient viaEndpoint = sqs(endpoint.url());
                SqsClient direct = sqs(URI.create("http://127.0.0.1:" + elasticMqPort))) {
            String queueUrl = viaEndpoint
                    .createQueue(b -> b.queueName("bench-throughput"))
                    .queueUrl();
            String queueName = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
            String directUrl = direct.createQueue(b -> b.queueName(queueName)).queueUrl();
            // Warm both paths up well: the JIT compiles ElasticMQ's code on whichever path runs first.
            sqsCycles(viaEndpoint, queueUrl, 400);
            sqsCycles(direct, directUrl, 400);
            double[] endpointRates = new double[4];
            double[] directRates = new double[4];
            for (int round = 0; round < 4; round++) {
                // Alternate which goes first, so neither gains from the other's warm-up or garbage.
                if (round % 2 == 0) {
                    endpointRates[round] = sqsCycles(viaEndpoint, queueUrl, SQS_CYCLES_PER_THREAD);
                    directRates[round] = sqsCycles(direct, directUrl, SQS_CYCLES_PER_THREAD);
                } else {
                    directRates[round] = sqsCycles(direct, directUrl, SQS_CYCLES_PER_THREAD);
                    endpointRates[round] = sqsCycles(viaEndpoint, queueUrl, SQS_CYCLES_PER_THREAD);
                }
            }
            double throughEndpoint = median(endpointRates);
            double directly = median(directRates);
            System.out.printf(
                    "SQS send+receive+delete from %d clients: %.0f requests/s through the endpoint, %.0f directly to ElasticMQ:"
                            + " ratio %.2f (goal >= 0.80)%n",
                    THROUGHPUT_THREADS, throughEndpoint, directly, throughEndpoint / directly);
        } finally {
            elasticMq.stopAndWait();
        }
    }

    /** Each thread sends, receives and deletes, one message at a time; returns requests per second. */
    private static double sqsCycles(SqsClient sqs, String queueUrl, int cyclesPerThread) throws Exception {
        AtomicLong requests = new AtomicLong();
        long elapsed = inParallel(THROUGHPUT_THREADS, () -> {
            for (int i = 0; i < cyclesPerThread; i++) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("benchmark"));
                List<Message> messages = sqs.receiveMessage(
                                b -> b.queueUrl(queueUrl).maxNumberOfMessages(1))
                        .messages();
                requests.addAndGet(2);
                for (Message m : messages) {
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                    requests.incrementAndGet();
                }
            }
            return 0;
        });
        return requests.get() / (elapsed / 1e9);
    }

    // latencies

    private static void snsLatency(LocalAwsEndpoint endpoint) {
        try (SnsClient sns = sns(endpoint.url());
                SqsClient sqs = sqs(endpoint.url())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("bench-sns")).queueUrl();
            String queueArn = queueArn(sqs, queueUrl);
            String topicArn = sns.createTopic(b -> b.name("bench-topic")).topicArn();
            sns.subscribe(b -> b.topicArn(topicArn)
                    .protocol("sqs")
                    .endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
            long[] baseline = latencies(sqs, queueUrl, () -> {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("direct"));
                return 0;
            });
            long[] published = latencies(sqs, queueUrl, () -> {
                sns.publish(b -> b.topicArn(topicArn).message("published"));
                return 0;
            });
            System.out.printf(
                    "SNS Publish to SQS receive: p50 %.2f ms, p99 %.2f ms (goal p50 <= 5 ms);"
                            + " baseline SQS SendMessage to receive: p50 %.2f ms, p99 %.2f ms%n",
                    percentile(published, 50),
                    percentile(published, 99),
                    percentile(baseline, 50),
                    percentile(baseline, 99));
        }
    }

    private static void eventBridgeLatency(LocalAwsEndpoint endpoint) {
        try (EventBridgeClient events = events(endpoint.url());
                SqsClient sqs = sqs(endpoint.url())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("bench-events")).queueUrl();
            String queueArn = queueArn(sqs, queueUrl);
            events.createEventBus(b -> b.name("bench-bus"));
            events.putRule(
                    b -> b.name("bench-rule").eventBusName("bench-bus").eventPattern("{\"source\":[\"bench\"]}"));
            events.putTargets(
                    b -> b.rule("bench-rule").eventBusName("bench-bus").targets(t -> t.id("queue")
                            .arn(queueArn)));
            var entry = PutEventsRequestEntry.builder()
                    .eventBusName("bench-bus")
                    .source("bench")
                    .detailType("Measured")
                    .detail("{\"n\":1}")
                    .build();
            long[] baseline = latencies(sqs, queueUrl, () -> {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("direct"));
                return 0;
            });
            long[] put = latencies(sqs, queueUrl, () -> {
                events.putEvents(b -> b.entries(entry));
                return 0;
            });
            System.out.printf(
                    "EventBridge PutEvents to SQS receive: p50 %.2f ms, p99 %.2f ms (goal p50 <= 10 ms);"
                            + " baseline SQS SendMessage to receive: p50 %.2f ms%n",
                    percentile(put, 50), percentile(put, 99), percentile(baseline, 50));
        }
    }

    /** Sends one message at a time and times it until a long-polling receive returns it, in nanoseconds. */
    private static long[] latencies(SqsClient sqs, String queueUrl, LongSupplier send) {
        long[] samples = new long[LATENCY_SAMPLES + 200];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            send.getAsLong();
            List<Message> received = List.of();
            while (received.isEmpty()) {
                received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(20))
                        .messages();
            }
            samples[i] = System.nanoTime() - start;
            for (Message m : received) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return Arrays.copyOfRange(samples, 200, samples.length); // the first 200 warm up
    }

    // 100,000 mixed requests

    private static void mixedRequests(LocalAwsEndpoint endpoint) throws Exception {
        try (SqsClient sqs = sqs(endpoint.url());
                SnsClient sns = sns(endpoint.url());
                EventBridgeClient events = events(endpoint.url())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("bench-mixed")).queueUrl();
            String queueArn = queueArn(sqs, queueUrl);
            String topicArn = sns.createTopic(b -> b.name("bench-mixed-topic")).topicArn();
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
            events.putRule(b -> b.name("bench-mixed-rule").eventPattern("{\"source\":[\"bench.mixed\"]}"));
            events.putTargets(
                    b -> b.rule("bench-mixed-rule").targets(t -> t.id("queue").arn(queueArn)));
            var entry = PutEventsRequestEntry.builder()
                    .source("bench.mixed")
                    .detailType("Mixed")
                    .detail("{\"n\":1}")
                    .build();
            AtomicLong errors = new AtomicLong();
            AtomicLong done = new AtomicLong();
            int perThread = MIXED_REQUESTS / THREADS;
            long elapsed = inParallel(THREADS, () -> {
                for (int i = 0; i < perThread; i++) {
                    try {
                        switch (i % 6) {
                            case 0 -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("mixed"));
                            case 1 -> sns.publish(b -> b.topicArn(topicArn).message("mixed"));
                            case 2 -> events.putEvents(b -> b.entries(entry));
                            case 3 -> {
                                for (Message m : sqs.receiveMessage(
                                                b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                                        .messages()) {
                                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                                    done.incrementAndGet();
                                }
                            }
                            case 4 ->
                                sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
                            default -> sns.listTopics();
                        }
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() <= 5) {
                            System.out.println("  error: " + e);
                        }
                    }
                    done.incrementAndGet();
                }
                return 0;
            });
            System.out.printf(
                    "%,d mixed requests (SQS, SNS, EventBridge) from %d threads: %d errors in %.1f s (goal: no error)%n",
                    done.get(), THREADS, errors.get(), elapsed / 1e9);
        }
    }

    // plumbing

    private static long inParallel(int clients, java.util.concurrent.Callable<Integer> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                futures.add(threads.submit(work));
            }
            for (Future<Integer> future : futures) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String queueArn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                        .maxConnections(64))
                .build();
    }

    private static SnsClient sns(URI endpoint) {
        return SnsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    private static EventBridgeClient events(URI endpoint) {
        return EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .build();
    }
}
