package io.eventshop.devstack.aws.events;

import static io.eventshop.devstack.aws.events.EventBridgeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The AWS JSON 1.1 framing that the SDK never lets a test get wrong: unknown operations and unreadable bodies. */
@ExtendWith(LocalAwsExtension.class)
class EventBridgeProtocolIntegrationTests {

    @Test
    void anUnknownOperationIsAnUnknownOperationException(LocalAwsEndpoint endpoint) throws Exception {
        var response = post(endpoint, "AWSEvents.LaunchRocket", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).path("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationException(LocalAwsEndpoint endpoint) throws Exception {
        var response = post(endpoint, "AWSEvents.ListEventBuses", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).path("__type").asText()).isEqualTo("SerializationException");
        assertThat(json(response.body()).path("message").asText()).isNotBlank();
    }

    @Test
    void answersAreAwsJson11(LocalAwsEndpoint endpoint) throws Exception {
        var response = post(endpoint, "AWSEvents.DescribeEventBus", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(json(response.body()).path("CreationTime").isNumber()).isTrue();
    }

    private static HttpResponse<String> post(LocalAwsEndpoint endpoint, String target, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(endpoint.url())
                    .header("X-Amz-Target", target)
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
