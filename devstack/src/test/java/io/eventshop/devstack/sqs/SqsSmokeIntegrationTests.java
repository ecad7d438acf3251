package io.eventshop.devstack.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.AwsClients;
import io.eventshop.devstack.LocalAwsEndpoint;
import io.eventshop.devstack.junit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class SqsSmokeIntegrationTests {

    @Test
    void queueUrlsPointAtTheEndpointAndMessagesRoundTrip(LocalAwsEndpoint endpoint) {
        try (var sqs = AwsClients.sqs(endpoint)) {
            String url = sqs.createQueue(b -> b.queueName("smoke")).queueUrl();
            assertThat(url).isEqualTo("http://localhost:" + endpoint.port() + "/000000000000/smoke");
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
            var received =
                    sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages();
            assertThat(received).singleElement().satisfies(m -> assertThat(m.body())
                    .isEqualTo("hello"));
        }
    }
}
