package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.e2e.Traces.Span;
import io.eventshop.e2e.Traces.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace per order, read back from Zipkin: the request that placed the order starts it, and every service's
 * handling of every event of the saga, and the events each one publishes in turn, are in it, compensations included.
 * Each handling span is the child of the publish span of the service that sent the event, whether the event came by
 * SNS (the trace context in a message attribute) or by an EventBridge rule (in the envelope); each publish span is the
 * child of the request or of the handling that wrote the event.
 */
@ExtendWith(EventshopExtension.class)
class SagaTraceIntegrationTests {

    private static final Set<String> SERVICES =
            Set.of("order-service", "payment-service", "inventory-service", "shipping-service", "notification-service");

    /** Spans reach Zipkin in batches, every few seconds per service, and Zipkin stores them as they come. */
    private static final Duration INGESTION = Duration.ofSeconds(60);

    /** One hop of the saga: {@code consumer} handles {@code eventType}, which {@code producer} published. */
    private record Hop(String producer, String eventType, String consumer) {

        boolean isHandledIn(Trace trace) {
            return trace.ofKind("CONSUMER").stream()
                    .anyMatch(span -> span.service().equals(consumer)
                            && span.eventType().equals(eventType)
                            && trace.parentOf(span)
                                    .filter(parent -> parent.service().equals(producer))
                                    .isPresent());
        }
    }

    @Test
    void aConfirmedOrdersSagaIsOneTraceAcrossTheFiveServices(RunningSystem system) {
        Trace trace = sagaOf(
                system,
                SagaPath.HAPPY,
                List.of(
                        new Hop("order-service", "OrderPlaced", "payment-service"),
                        new Hop("order-service", "OrderPlaced", "inventory-service"),
                        new Hop("payment-service", "PaymentAuthorized", "inventory-service"),
                        new Hop("payment-service", "PaymentAuthorized", "order-service"),
                        new Hop("inventory-service", "StockReserved", "shipping-service"),
                        new Hop("inventory-service", "StockReserved", "order-service"),
                        new Hop("shipping-service", "ShipmentScheduled", "order-service"),
                        new Hop("shipping-service", "ShipmentScheduled", "notification-service"),
                        new Hop("order-service", "OrderConfirmed", "inventory-service"),
                        new Hop("order-service", "OrderConfirmed", "notification-service")));

        assertEveryLinkOf(trace);
    }

    @Test
    void aCompensatedOrdersSagaIsOneTraceAcrossTheFiveServicesCompensationsIncluded(RunningSystem system) {
        Trace trace = sagaOf(
                system,
                SagaPath.UNDELIVERABLE,
                List.of(
                        new Hop("order-service", "OrderPlaced", "payment-service"),
                        new Hop("payment-service", "PaymentAuthorized", "inventory-service"),
                        new Hop("inventory-service", "StockReserved", "shipping-service"),
                        new Hop("shipping-service", "ShipmentFailed", "order-service"),
                        new Hop("shipping-service", "ShipmentFailed", "inventory-service"),
                        new Hop("inventory-service", "StockReleased", "payment-service"),
                        new Hop("payment-service", "PaymentRefunded", "order-service"),
                        new Hop("order-service", "OrderCancelled", "notification-service")));

        assertEveryLinkOf(trace);
    }

    /**
     * Places an order down {@code path}, waits for its saga to end, and then for Zipkin to hold every hop of it; returns
     * the order's trace.
     */
    private static Trace sagaOf(RunningSystem system, SagaPath path, List<Hop> hops) {
        Eventshop shop = system.client();
        Eventshop.Response placed = shop.placeOrder(path.request(path.ordinal()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
        String orderId = placed.body().get("id").asString();
        String traceId = placed.body().path("traceId").asString("");
        assertThat(traceId).as("the trace id that POST /orders answers").matches("[0-9a-f]{32}");
        shop.awaitOrder(orderId, path.outcome);

        Traces traces = new Traces(system.zipkin().url());
        // Each service sends its spans in batches every few seconds, so a child may reach Zipkin before its parent.
        return await().alias("every hop of the " + path + " saga, and the parent of every span, in Zipkin")
                .atMost(INGESTION)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> traces.trace(traceId),
                        trace -> hops.stream().allMatch(hop -> hop.isHandledIn(trace)) && isWhole(trace));
    }

    /** Whether every span's parent has arrived too. */
    private static boolean isWhole(Trace trace) {
        return trace.spans().stream()
                .allMatch(span ->
                        span.parentId().isEmpty() || trace.parentOf(span).isPresent());
    }

    /**
     * The trace spans the five services; it starts at POST /orders; every handling span is the child of a publish
     * span of the same event in another service; and every publish span is the child of the request or of a handling
     * span in its own service, which wrote the event to its outbox.
     */
    private static void assertEveryLinkOf(Trace trace) {
        assertThat(trace.spans().stream().map(Span::service).collect(Collectors.toSet()))
                .as("%s", trace)
                .containsAll(SERVICES);
        assertThat(trace.spans()).as("%s", trace).allMatch(span -> span.traceId()
                .equals(trace.id()));

        List<Span> roots =
                trace.spans().stream().filter(span -> span.parentId().isEmpty()).toList();
        assertThat(roots).as("the trace's root, in %s", trace).hasSize(1);
        Span request = roots.getFirst();
        assertThat(request.service()).isEqualTo("order-service");
        assertThat(request.kind()).isEqualTo("SERVER");
        assertThat(request.tags()).containsEntry("method", "POST").containsEntry("uri", "/orders");
        for (Span handling : trace.ofKind("CONSUMER")) {
            Optional<Span> publication = trace.parentOf(handling);
            assertThat(publication)
                    .as("the parent of %s in %s", handling, trace)
                    .isPresent();
            assertThat(publication.get().kind()).as("%s", handling).isEqualTo("PRODUCER");
            assertThat(publication.get().eventType()).as("%s", handling).isEqualTo(handling.eventType());
            assertThat(publication.get().service()).as("%s", handling).isNotEqualTo(handling.service());
        }
        for (Span publication : trace.ofKind("PRODUCER")) {
            Span writer = trace.parentOf(publication).orElseThrow();
            assertThat(writer.service()).as("%s", publication).isEqualTo(publication.service());
            assertThat(writer == request || writer.kind().equals("CONSUMER"))
                    .as("the parent of %s is the request or a handling span, in %s", publication, trace)
                    .isTrue();
        }
    }
}
