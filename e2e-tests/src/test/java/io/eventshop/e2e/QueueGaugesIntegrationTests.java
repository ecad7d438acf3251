package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queue gauges as Prometheus scrapes them from a running service's {@code /actuator/prometheus}.
 *
 * <p>Each service reports only its own queue and dead-letter queue, so a stopped service cannot report the messages
 * that wait for it. What shows them is the service coming back: its first reading of the queue is taken as it starts,
 * before its listener takes anything, and the gauges keep that reading for one interval (15 s by default). The
 * scenario stops notification-service, whose queue the saga fills without waiting for it (its events are the
 * outcomes the customer is told about), confirms orders, and starts it again: it reports the messages that waited,
 * then their age once its listener has received them, then an empty queue.
 */
@ExtendWith(EventshopExtension.class)
class QueueGaugesIntegrationTests {

    private static final String SERVICE = "notification-service";
    private static final String QUEUE = "notification-service-events";
    private static final String DEAD_LETTER_QUEUE = "notification-service-events-dlq";
    private static final int ORDERS = 2;

    /** How long the gauges may take to show a change: one reading interval (15 s) and a scrape, on a busy machine. */
    private static final Duration NEXT_READING = Duration.ofSeconds(45);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aServiceReportsItsOwnQueuesByNameAndTheMessagesThatWaitedForItWhileItWasStopped(RunningSystem system) {
        Eventshop shop = system.client();
        List<String> gauges = scrape(system, "eventshop_queue_");
        assertThat(gauges)
                .as("its queue and its dead-letter queue, by name, and no other service's")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("eventshop_queue_messages_visible{")
                        .contains("queue=\"" + QUEUE + "\"", "kind=\"queue\""))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("eventshop_queue_messages_visible{")
                        .contains("queue=\"" + DEAD_LETTER_QUEUE + "\"", "kind=\"dlq\""))
                .allSatisfy(line -> assertThat(line)
                        .containsAnyOf("queue=\"" + QUEUE + "\"", "queue=\"" + DEAD_LETTER_QUEUE + "\""));
        Instant firstPlaced = Instant.now();

        int waiting = system.withStopped(SERVICE, () -> {
            IntStream.range(0, ORDERS).forEach(n -> {
                Eventshop.Response placed = shop.placeOrder(SagaPath.HAPPY.request(n));
                assertThat(placed.status()).isEqualTo(202);
                shop.awaitOrder(placed.body().get("id").asString(), "CONFIRMED");
            });
            // OrderConfirmed and ShipmentScheduled of each order, for the customer's notifications.
            return await().atMost(Eventshop.SETTLE)
                    .until(() -> system.aws().depth(QUEUE), depth -> depth >= 2 * ORDERS);
        });

        assertThat(gauge(system, "eventshop_queue_messages_visible", QUEUE).orElseThrow())
                .as("read as it started, before its listener took them")
                .isGreaterThanOrEqualTo(waiting);
        await().atMost(NEXT_READING).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                        gauge(system, "eventshop_queue_oldest_message_age_seconds", QUEUE)
                                .orElseThrow())
                .as("the wait of the messages its listener received, which includes its restart")
                .isGreaterThanOrEqualTo(1.0)
                .isLessThanOrEqualTo(secondsSince(firstPlaced)));
        await().atMost(NEXT_READING)
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        gauge(system, "eventshop_queue_messages_visible", QUEUE).orElseThrow() == 0
                                && gauge(system, "eventshop_queue_messages_in_flight", QUEUE)
                                                .orElseThrow()
                                        == 0);
    }

    /** The value of a queue gauge of the service, if it has one for the queue. */
    private Optional<Double> gauge(RunningSystem system, String name, String queue) {
        return scrape(system, name + "{").stream()
                .filter(line -> line.contains("queue=\"" + queue + "\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** The lines of the service's {@code /actuator/prometheus} that start with {@code prefix}. */
    private List<String> scrape(RunningSystem system, String prefix) {
        var request = HttpRequest.newBuilder(URI.create(system.services().url(SERVICE) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString())
                    .body()
                    .lines()
                    .filter(line -> line.startsWith(prefix))
                    .toList();
        } catch (IOException e) {
            throw new AssertionError("GET /actuator/prometheus on " + SERVICE + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
