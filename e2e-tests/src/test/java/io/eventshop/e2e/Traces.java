package io.eventshop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The spans Zipkin holds, read back through its v2 API, as a user's tools would read them. */
final class Traces {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI zipkin;

    /** @param zipkin Zipkin's address, such as {@code http://localhost:9411} */
    Traces(URI zipkin) {
        this.zipkin = zipkin;
    }

    /** One span, in Zipkin's v2 model. */
    record Span(
            String traceId,
            String id,
            Optional<String> parentId,
            String kind,
            String name,
            String service,
            Map<String, String> tags) {

        static Span of(JsonNode json) {
            Map<String, String> tags = json.path("tags").properties().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, tag -> tag.getValue().asString()));
            return new Span(
                    json.path("traceId").asString(),
                    json.path("id").asString(),
                    json.hasNonNull("parentId")
                            ? Optional.of(json.get("parentId").asString())
                            : Optional.empty(),
                    json.path("kind").asString(""),
                    json.path("name").asString(),
                    json.path("localEndpoint").path("serviceName").asString(),
                    tags);
        }

        /** The event a publish or handling span is about; empty for other spans. */
        String eventType() {
            return tags.getOrDefault("eventshop.event_type", "");
        }

        @Override
        public String toString() {
            return service + " " + kind + " " + name + " (" + id + " <- " + parentId.orElse("root") + ")";
        }
    }

    /** One trace: its spans, whichever have reached Zipkin so far. */
    record Trace(String id, List<Span> spans) {

        Map<String, Span> byId() {
            return spans.stream().collect(Collectors.toMap(Span::id, Function.identity(), (first, second) -> first));
        }

        List<Span> ofKind(String kind) {
            return spans.stream().filter(span -> span.kind().equals(kind)).toList();
        }

        Optional<Span> parentOf(Span span) {
            return span.parentId().map(byId()::get);
        }

        @Override
        public String toString() {
            return spans.stream().map(Span::toString).collect(Collectors.joining("\n  ", "trace " + id + ":\n  ", ""));
        }
    }

    /** The trace's spans that Zipkin has now; none if it has none yet. */
    Trace trace(String traceId) {
        var request = HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return new Trace(traceId, List.of());
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("Zipkin answered " + response.statusCode() + ": " + response.body());
            }
            List<Span> spans = new ArrayList<>();
            JSON.readTree(response.body()).forEach(span -> spans.add(Span.of(span)));
            return new Trace(traceId, spans);
        } catch (IOException e) {
            throw new AssertionError("GET the trace " + traceId + " from Zipkin failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
