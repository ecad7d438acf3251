package io.eventshop.devstack.aws.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventshop.devstack.aws.events.EventBridgeService;
import io.eventshop.devstack.aws.http.AwsRequest;
import io.eventshop.devstack.aws.http.AwsResponse;
import io.eventshop.devstack.aws.http.AwsService;
import io.eventshop.devstack.aws.sns.SnsService;
import io.eventshop.devstack.aws.sqs.QueueContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The endpoint's pages for people, all under {@code /_devstack/} on the endpoint's own port:
 *
 * <ul>
 *   <li>{@code GET /_devstack/}: the console, a page that shows the topics, queues, dead-letter queues and buses and
 *       follows them as they change ({@code console.js} and {@code console.css} beside it);
 *   <li>{@code GET /_devstack/api/console}: what the console shows, as JSON ({@link ConsoleView});
 *   <li>{@code POST /_devstack/api/queues/{name}/redrive}: sends a dead-letter queue's messages back to its source
 *       queue ({@link Redrive});
 *   <li>{@code GET /_devstack/health} and {@code GET /_devstack/state}: liveness, and the raw state for scripts.
 * </ul>
 *
 * <p>The one request that changes anything, the redrive, must come as JSON ({@code Content-Type: application/json})
 * and, when the browser names its origin, from a page of this endpoint: a page of another site cannot send it.
 */
public final class DevstackPages implements AwsService {

    private static final List<QueueAttributeName> DEPTHS = List.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
            QueueAttributeName.REDRIVE_POLICY);

    private static final Pattern REDRIVE = Pattern.compile("/_devstack/api/queues/([^/]+)/redrive");

    /** The console's files, in the jar beside this class, by the path they are served at. */
    private static final Map<String, StaticFile> FILES = Map.of(
            "/_devstack/", StaticFile.load("console/index.html", "text/html; charset=utf-8"),
            "/_devstack/console.js", StaticFile.load("console/console.js", "text/javascript; charset=utf-8"),
            "/_devstack/console.css", StaticFile.load("console/console.css", "text/css; charset=utf-8"));

    /** The console's files load nothing from elsewhere and run no inline script; a message body cannot either. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Instant startedAt = Instant.now();
    private final SqsAsyncClient sqs;
    private final SnsService sns;
    private final EventBridgeService events;
    private final ConsoleView console;
    private final Redrive redrive;

    /**
     * @param sqs a client of the endpoint's SQS in this JVM
     * @param contents what the queues hold, for the messages of dead-letter queues and the age of the oldest ones
     */
    public DevstackPages(SqsAsyncClient sqs, QueueContents contents, SnsService sns, EventBridgeService events) {
        this.sqs = sqs;
        this.sns = sns;
        this.events = events;
        this.console = new ConsoleView(sqs, contents, sns, events);
        this.redrive = new Redrive(sqs, console);
    }

    private record StaticFile(byte[] content, String contentType) {

        static StaticFile load(String resource, String contentType) {
            try (InputStream in = DevstackPages.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the console's " + resource + " is missing from the jar");
                }
                return new StaticFile(in.readAllBytes(), contentType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String path = request.path();
        Matcher redriveCall = REDRIVE.matcher(path);
        if (redriveCall.matches()) {
            return request.method().equals("POST")
                    ? redrive(request, URLDecoder.decode(redriveCall.group(1), StandardCharsets.UTF_8))
                    : notAllowed("POST");
        }
        if (!request.method().equals("GET")) {
            return notAllowed("GET");
        }
        StaticFile file = FILES.get(path);
        if (file != null) {
            return new AwsResponse(
                    200,
                    file.contentType(),
                    file.content(),
                    Map.of(
                            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                            "X-Content-Type-Options", "nosniff",
                            "Cache-Control", "no-cache"));
        }
        return switch (path) {
            case "/_devstack" -> new AwsResponse(301, "text/plain", new byte[0], Map.of("Location", "/_devstack/"));
            case "/_devstack/api/console" -> page(200, console.build()).withHeader("Cache-Control", "no-store");
            case "/_devstack/health" ->
                page(
                        200,
                        Map.of(
                                "status", "UP",
                                "services", List.of("sqs", "sns", "events"),
                                "uptime",
                                        Duration.between(startedAt, Instant.now())
                                                .toString()));
            case "/_devstack/state" -> page(200, state());
            default ->
                page(
                        404,
                        Map.of(
                                "error",
                                "no such page; try /_devstack/ (the console), /_devstack/health or /_devstack/state"));
        };
    }

    private AwsResponse redrive(AwsRequest request, String deadLetterQueue) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return page(415, Map.of("error", "send the redrive as JSON (Content-Type: application/json)"));
        }
        String origin = request.header("Origin");
        if (origin != null && !origin.equals("http://" + request.header("Host"))) {
            return page(403, Map.of("error", "only the console's own page may redrive"));
        }
        String destination;
        try {
            JsonNode body = request.body().length == 0 ? json.createObjectNode() : json.readTree(request.body());
            destination = body.path("destination").isTextual()
                    ? body.path("destination").asText()
                    : null;
        } catch (IOException unreadable) {
            return page(400, Map.of("error", "the body is not JSON: " + unreadable.getMessage()));
        }
        Redrive.Outcome outcome = redrive.start(deadLetterQueue, destination);
        return page(outcome.status(), outcome.body());
    }

    private AwsResponse notAllowed(String allowed) {
        return page(405, Map.of("error", "use " + allowed + " here")).withHeader("Allow", allowed);
    }

    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.putAll(sns.state());
        state.putAll(events.state());
        state.put("queues", queues());
        return state;
    }

    private Map<String, Map<String, String>> queues() {
        Map<String, Map<String, String>> queues = new TreeMap<>();
        for (String url : sqs.listQueues(b -> b.maxResults(1000)).join().queueUrls()) {
            var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(DEPTHS))
                    .join()
                    .attributesAsStrings();
            queues.put(url.substring(url.lastIndexOf('/') + 1), new TreeMap<>(attributes));
        }
        return queues;
    }

    private AwsResponse page(int status, Object body) {
        try {
            return AwsResponse.json(status, "application/json", json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
