package io.eventshop.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code devstack demo}: places one order down every path of the saga against a running system (see {@code up}),
 * shows each order's progress, and prints how each one ended, with its payment and shipment, and a link to each
 * order's trace in Zipkin (the trace id that {@code POST /orders} answers), when Zipkin runs.
 */
public final class Demo {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    /** One path through the saga: what the order looks like, and how it should end. */
    private record Path(String name, String token, String country, int quantity, boolean cancel, String expected) {}

    private static final List<Path> PATHS = List.of(
            new Path("happy path", "tok_visa", "DE", 1, false, "CONFIRMED"),
            new Path("payment declined", "tok_declined", "DE", 1, false, "CANCELLED"),
            new Path("insufficient funds", "tok_insufficient_funds", "DE", 1, false, "CANCELLED"),
            new Path("out of stock", "tok_visa", "DE", 1_000_000, false, "CANCELLED"),
            new Path("undeliverable address", "tok_visa", "AQ", 1, false, "CANCELLED"),
            new Path("customer cancels", "tok_visa", "DE", 1, true, "CONFIRMED|CANCELLED"));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final PrintStream out = System.out;
    private final String host;

    public Demo(String host) {
        this.host = host;
    }

    /** Runs every path; returns whether each ended as expected. */
    public boolean run() throws IOException, InterruptedException {
        String sku = json.readTree(get(8083, "/products")).get(0).get("sku").asText();
        Map<Path, String> orders = new LinkedHashMap<>();
        Map<Path, String> traces = new LinkedHashMap<>();
        for (Path path : PATHS) {
            JsonNode placed = place(path, sku);
            String id = placed.get("id").asText();
            orders.put(path, id);
            if (placed.hasNonNull("traceId")) {
                traces.put(path, placed.get("traceId").asText());
            }
            out.printf("placed   %-22s order %s%n", path.name(), id);
            if (path.cancel()) {
                int status = post(8081, "/orders/" + id + "/cancel", "{\"reason\":\"changed my mind\"}");
                out.printf(
                        "cancel   %-22s -> HTTP %d (202 before shipment, 409 once it has shipped)%n",
                        path.name(), status);
            }
        }
        Map<Path, JsonNode> outcomes = awaitOutcomes(orders);
        out.println();
        out.printf("%-22s %-10s %-10s %-10s %s%n", "path", "order", "payment", "shipment", "reason");
        boolean allAsExpected = true;
        for (var entry : outcomes.entrySet()) {
            Path path = entry.getKey();
            JsonNode order = entry.getValue();
            String id = orders.get(path);
            String status = order.path("status").asText();
            allAsExpected &= path.expected().contains(status);
            out.printf(
                    "%-22s %-10s %-10s %-10s %s%n",
                    path.name(),
                    status,
                    first(get(8082, "/payments?orderId=" + id), "status"),
                    first(get(8084, "/shipments?orderId=" + id), "status"),
                    order.path("cancellationReason").asText(""));
        }
        out.println();
        printTraces(traces);
        out.println(allAsExpected ? "Every path ended as expected." : "Some paths did not end as expected.");
        return allAsExpected;
    }

    /** A link to each order's trace: its whole saga, across the five services, compensations included. */
    private void printTraces(Map<Path, String> traces) {
        URI zipkin = URI.create("http://" + host + ":" + Zipkin.DEFAULT_PORT);
        if (traces.isEmpty() || !Zipkin.isUp(zipkin)) {
            out.println("No traces to show: tracing is off, or no Zipkin answers at " + zipkin + ".");
            out.println();
            return;
        }
        out.println("Each order's saga as one trace in Zipkin (spans arrive within a few seconds):");
        traces.forEach((path, traceId) -> out.printf("  %-22s %s%n", path.name(), Zipkin.traceUrl(zipkin, traceId)));
        out.println();
    }

    /** Places the path's order; returns the answer: the order, with the id of its trace. */
    private JsonNode place(Path path, String sku) throws IOException, InterruptedException {
        String body = """
                {"customerId":"demo-%s","items":[{"sku":"%s","quantity":%d}],"paymentToken":"%s",
                 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"%s"}}
                """.formatted(
                UUID.randomUUID().toString().substring(0, 8), sku, path.quantity(), path.token(), path.country());
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(8081, "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private Map<Path, JsonNode> awaitOutcomes(Map<Path, String> orders) throws IOException, InterruptedException {
        Map<Path, JsonNode> outcomes = new LinkedHashMap<>();
        Map<Path, String> lastStep = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(SETTLE);
        while (outcomes.size() < orders.size() && Instant.now().isBefore(deadline)) {
            for (var entry : orders.entrySet()) {
                if (outcomes.containsKey(entry.getKey())) {
                    continue;
                }
                JsonNode order = json.readTree(get(8081, "/orders/" + entry.getValue()));
                String step = order.path("saga").path("step").asText() + " "
                        + order.path("status").asText();
                if (!step.equals(lastStep.put(entry.getKey(), step))) {
                    out.printf("progress %-22s %s%n", entry.getKey().name(), step);
                }
                if (!order.path("status").asText().equals("PENDING")) {
                    outcomes.put(entry.getKey(), order);
                }
            }
            Thread.sleep(250);
        }
        if (outcomes.size() < orders.size()) {
            List<String> pending = new ArrayList<>();
            orders.keySet().stream().filter(p -> !outcomes.containsKey(p)).forEach(p -> pending.add(p.name()));
            throw new IllegalStateException("still pending after " + SETTLE.toSeconds() + " s: " + pending);
        }
        return outcomes;
    }

    private String first(String array, String field) throws IOException {
        JsonNode list = json.readTree(array);
        return list.isArray() && !list.isEmpty() ? list.get(0).path(field).asText() : "-";
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url(port, path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private int post(int port, String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(port, path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(int port, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }
}
