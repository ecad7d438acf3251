package io.eventshop.devstack.aws.events;

import static io.eventshop.devstack.aws.events.EventBridgeFixture.entry;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.json;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.target;
import static io.eventshop.devstack.aws.events.EventBridgeFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.Target;

@ExtendWith(LocalAwsExtension.class)
class DeliveryFailureIntegrationTests {

    private static final String PATTERN = "{\"source\":[\"shop.orders\"]}";

    private EventBridgeFixture fixture;
    private String bus;

    @BeforeEach
    void connect(LocalAwsEndpoint endpoint) {
        fixture = new EventBridgeFixture(endpoint);
        bus = fixture.bus();
    }

    @AfterEach
    void disconnect() {
        fixture.close();
    }

    @Test
    void aFailedDeliveryIsCountedAndGoesToTheDeadLetterQueueWithoutFailingPutEvents() throws Exception {
        var healthy = fixture.queue("healthy");
        var deadLetters = fixture.queue("dlq");
        String rule = unique("rule");
        String ruleArn = fixture.rule(
                bus,
                rule,
                PATTERN,
                target("healthy", healthy),
                Target.builder()
                        .id("broken")
                        .arn(fixture.missingQueueArn())
                        .deadLetterConfig(d -> d.arn(deadLetters.arn()))
                        .build());

        String eventId = fixture.put(entry(bus, "shop.orders", "OrderPlaced", "{\"orderId\":\"o-1\"}"))
                .getFirst();

        assertThat(fixture.bodies(healthy, 1)).hasSize(1);
        var deadLetter = fixture.receive(deadLetters, 1).getFirst();
        assertThat(json(deadLetter.body()).path("id").asText()).isEqualTo(eventId);
        assertThat(deadLetter.messageAttributes().get("RULE_ARN").stringValue()).isEqualTo(ruleArn);
        assertThat(deadLetter.messageAttributes()).containsKeys("ERROR_CODE", "ERROR_MESSAGE", "TARGET_ARN");

        JsonNode targets = ruleState(rule).path("targets");
        assertThat(targets.get(0).path("id").asText()).isEqualTo("healthy");
        assertThat(targets.get(0).path("delivered").asLong()).isEqualTo(1);
        assertThat(targets.get(0).path("failed").asLong()).isZero();
        assertThat(targets.get(1).path("id").asText()).isEqualTo("broken");
        assertThat(targets.get(1).path("delivered").asLong()).isZero();
        assertThat(targets.get(1).path("failed").asLong()).isEqualTo(1);
    }

    @Test
    void aFailedDeliveryWithoutADeadLetterQueueIsDropped() throws Exception {
        String rule = unique("rule");
        fixture.rule(
                bus,
                rule,
                PATTERN,
                Target.builder().id("broken").arn(fixture.missingQueueArn()).build());

        var response = fixture.events.putEvents(b -> b.entries(entry(bus, "shop.orders", "OrderPlaced", "{}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(ruleState(rule).path("targets").get(0).path("failed").asLong())
                .isEqualTo(1);
    }

    private JsonNode ruleState(String rule) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI state = fixture.endpoint.url().resolve("/_devstack/state");
            String body = http.send(HttpRequest.newBuilder(state).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            for (JsonNode candidate : json(body).path("rules")) {
                if (candidate.path("name").asText().equals(rule)) {
                    return candidate;
                }
            }
            throw new AssertionError("rule " + rule + " is not on the state page: " + body);
        }
    }
}
