package io.eventshop.devstack.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SQS over the query protocol, which the Debian AWS CLI v2 still sends: form-urlencoded, routed by its {@code Action}
 * when it carries no signature.
 */
@ExtendWith(LocalAwsExtension.class)
class SqsQueryProtocolIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(LocalAwsEndpoint endpoint, String form) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(endpoint.url())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2012-11-05"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsSendsAndReceivesWithXmlResponses(LocalAwsEndpoint endpoint) throws Exception {
        String name = "query-" + UUID.randomUUID().toString().substring(0, 8);

        var created = post(endpoint, "Action=CreateQueue&QueueName=" + name);
        String url = "http://localhost:" + endpoint.port() + "/000000000000/" + name;
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<QueueUrl>" + url + "</QueueUrl>");

        var sent = post(endpoint, "Action=SendMessage&QueueUrl=" + url + "&MessageBody=hello+query");
        assertThat(sent.body()).contains("<SendMessageResponse").contains("<MessageId>");

        var received = post(endpoint, "Action=ReceiveMessage&QueueUrl=" + url + "&WaitTimeSeconds=5");
        assertThat(received.body()).contains("<Body>hello query</Body>");
    }

    @Test
    void anUnknownQueueGivesAnXmlError(LocalAwsEndpoint endpoint) throws Exception {
        var response = post(endpoint, "Action=GetQueueUrl&QueueName=missing-" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<ErrorResponse").contains("NonExistentQueue");
    }

    @Test
    void aRequestTargetThatIsNoUriGetsAnErrorAndTheEndpointServesOn(LocalAwsEndpoint endpoint) throws Exception {
        String body = "Action=ListQueues&Version=2012-11-05";
        String request = "POST /%zz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        String response;
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response)
                .startsWith("HTTP/1.1 400")
                .contains("InvalidAddress")
                .contains("%zz");
        assertThat(post(endpoint, "Action=ListQueues").statusCode()).isEqualTo(200);
    }
}
