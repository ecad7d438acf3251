package io.eventshop.e2e;

import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.launcher.LocalSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The system's REST API, as a customer and an operator use it: plain HTTP and JSON, no service's own classes. */
final class Eventshop {

    /** How long a saga may take to settle on a busy two-core machine. */
    static final Duration SETTLE = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalSystem system;

    Eventshop(LocalSystem system) {
        this.system = system;
    }

    /** A response: its status and its body, parsed when it is JSON. */
    record Response(int status, String contentType, JsonNode body) {}

    Response placeOrder(OrderRequest order) {
        return send("order-service", "POST", "/orders", order.toJson(), null);
    }

    Response placeOrder(OrderRequest order, String idempotencyKey) {
        return send("order-service", "POST", "/orders", order.toJson(), idempotencyKey);
    }

    Response post(String service, String path, String body) {
        return send(service, "POST", path, body, null);
    }

    Response put(String service, String path, String body) {
        return send(service, "PUT", path, body, null);
    }

    JsonNode order(String id) {
        return get("order-service", "/orders/" + id);
    }

    /** Waits until the order reaches one of {@code statuses}, and returns it. */
    JsonNode awaitOrder(String id, String... statuses) {
        return awaitOrder(id, SETTLE, statuses);
    }

    /** Waits up to {@code bound} until the order reaches one of {@code statuses}, and returns it. */
    JsonNode awaitOrder(String id, Duration bound, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return await().atMost(bound)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> order(id),
                        order -> wanted.contains(order.get("status").asString()));
    }

    Response cancel(String id) {
        return send("order-service", "POST", "/orders/" + id + "/cancel", "{\"reason\":\"changed my mind\"}", null);
    }

    List<JsonNode> payments(String orderId) {
        return list(get("payment-service", "/payments?orderId=" + orderId));
    }

    List<JsonNode> shipments(String orderId) {
        return list(get("shipping-service", "/shipments?orderId=" + orderId));
    }

    List<JsonNode> notifications(String customerId) {
        return list(get("notification-service", "/notifications?customerId=" + customerId));
    }

    JsonNode product(String sku) {
        return get("inventory-service", "/products/" + sku);
    }

    List<JsonNode> products() {
        return list(get("inventory-service", "/products"));
    }

    /** The messages in one of a service's dead-letter queues, with their failure reasons (its /ops/dlq API). */
    List<JsonNode> deadLetters(String service, String queue) {
        return list(get(service, "/ops/dlq/" + queue + "/messages?max=100"));
    }

    /** Sends the chosen messages of a dead-letter queue back to their queue. */
    Response redrive(String service, String queue, List<String> messageIds) {
        String ids = messageIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return send(service, "POST", "/ops/dlq/" + queue + "/redrive", "{\"messageIds\":[" + ids + "]}", null);
    }

    /** The simulated payment provider's ledger: the money that really moved. */
    JsonNode providerLedger() {
        return get("payment-service", "/simulated-provider/ledger");
    }

    /** Makes the simulated payment provider fail and hang at these rates from now on. */
    void simulateProviderFaults(double failureRate, double timeoutRate) {
        Response response = put(
                "payment-service",
                "/simulated-provider/faults",
                "{\"failureRate\":" + failureRate + ",\"timeoutRate\":" + timeoutRate + "}");
        if (response.status() != 200) {
            throw new AssertionError("the provider's faults were not set: " + response);
        }
    }

    /**
     * The sum of a meter's samples on a service's {@code /actuator/prometheus}, over the series whose labels contain
     * every one of {@code labels} (such as {@code consumer="payment-service"}).
     */
    double metric(String service, String name, String... labels) {
        String text = sendForText(service, "/actuator/prometheus");
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String series = line.substring(0, line.lastIndexOf(' '));
                if (Arrays.stream(labels).allMatch(series::contains)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    private String sendForText(String service, String path) {
        var request = HttpRequest.newBuilder(URI.create(system.url(service) + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " on " + service + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private JsonNode get(String service, String path) {
        Response response = send(service, "GET", path, null, null);
        if (response.status() != 200) {
            throw new AssertionError(
                    "GET " + path + " on " + service + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    private static List<JsonNode> list(JsonNode node) {
        JsonNode items = node.isArray() ? node : node.path("content");
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    private Response send(String service, String method, String path, String body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(URI.create(system.url(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), contentType, json);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " on " + service + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
