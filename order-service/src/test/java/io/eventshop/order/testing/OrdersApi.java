package io.eventshop.order.testing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** order-service's REST API over real HTTP, answering every status with its body, never throwing on a 4xx. */
public final class OrdersApi {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final RestClient http;

    public OrdersApi(int port) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** A response: its status, headers and JSON body (a missing node when there is none). */
    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String text(String pointer) {
            return body.at(pointer).asString();
        }

        public UUID id() {
            return UUID.fromString(text("/id"));
        }
    }

    /** JSON as a tree; any other text as {@code {"text": ...}}; nothing as a missing node. */
    private static JsonNode body(String text, @Nullable MediaType contentType) {
        if (text.isEmpty()) {
            return MAPPER.missingNode();
        }
        boolean json = contentType != null
                && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || contentType.getSubtype().endsWith("+json"));
        return json ? MAPPER.readTree(text) : MAPPER.createObjectNode().put("text", text);
    }

    public Response place(String json) {
        return place(json, null);
    }

    public Response place(String json, @Nullable String idempotencyKey) {
        return send(HttpMethod.POST, "/orders", MediaType.APPLICATION_JSON, json, idempotencyKey);
    }

    public Response get(UUID id) {
        return send(HttpMethod.GET, "/orders/" + id, null, null, null);
    }

    public Response cancel(UUID id) {
        return send(HttpMethod.POST, "/orders/" + id + "/cancel", null, null, null);
    }

    public Response cancel(UUID id, String json) {
        return send(HttpMethod.POST, "/orders/" + id + "/cancel", MediaType.APPLICATION_JSON, json, null);
    }

    public Response search(String query) {
        return send(HttpMethod.GET, "/orders?" + query, null, null, null);
    }

    public Response send(
            HttpMethod method,
            String path,
            @Nullable MediaType contentType,
            @Nullable String body,
            @Nullable String idempotencyKey) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.body(body);
        }
        return request.exchange((req, response) -> {
            String text = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Response(
                    response.getStatusCode().value(),
                    response.getHeaders(),
                    body(text, response.getHeaders().getContentType()));
        });
    }
}
