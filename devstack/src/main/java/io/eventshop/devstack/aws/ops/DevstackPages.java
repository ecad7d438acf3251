package io.eventshop.devstack.aws.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventshop.devstack.aws.events.EventBridgeService;
import io.eventshop.devstack.aws.http.AwsRequest;
import io.eventshop.devstack.aws.http.AwsResponse;
import io.eventshop.devstack.aws.http.AwsService;
import io.eventshop.devstack.aws.sns.SnsService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The endpoint's pages for people: {@code GET /_devstack/health} and a read-only view of the state, {@code GET
 * /_devstack/state} (topics, subscriptions, buses, rules and queue depths).
 */
public final class DevstackPages implements AwsService {

    private static final List<QueueAttributeName> DEPTHS = List.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
            QueueAttributeName.REDRIVE_POLICY);

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Instant startedAt = Instant.now();
    private final SqsAsyncClient sqs;
    private final SnsService sns;
    private final EventBridgeService events;

    public DevstackPages(SqsAsyncClient sqs, SnsService sns, EventBridgeService events) {
        this.sqs = sqs;
        this.sns = sns;
        this.events = events;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!request.method().equals("GET")) {
            return page(405, Map.of("error", "the devstack's pages are read-only"));
        }
        return switch (request.path()) {
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
            default -> page(404, Map.of("error", "no such page; try /_devstack/health or /_devstack/state"));
        };
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
