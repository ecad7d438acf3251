package io.eventshop.devstack.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An outage takes the endpoint off the network and gives it back on the same port, with everything it held. */
class OutageIntegrationTests {

    // Its own endpoint: the shared one must stay online for the other tests of this JVM.
    private final LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(0);

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void whileOfflineThePortRefusesConnectionsAndAfterwardsTheQueuesTopicsAndMessagesAreAllStillThere() {
        int port = endpoint.port();
        try (SqsClient sqs = AwsClients.sqs(endpoint);
                SnsClient sns = AwsClients.sns(endpoint)) {
            String queueUrl =
                    sqs.createQueue(request -> request.queueName("kept")).queueUrl();
            String topicArn = sns.createTopic(request -> request.name("kept")).topicArn();
            sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody("sent before the outage"));

            endpoint.goOffline();

            assertThat(accepts(port)).isFalse();
            assertThatExceptionOfType(SdkClientException.class).isThrownBy(() -> sqs.listQueues());

            endpoint.goOnline();

            assertThat(endpoint.port()).isEqualTo(port);
            assertThat(sns.listTopics().topics())
                    .anySatisfy(topic -> assertThat(topic.topicArn()).isEqualTo(topicArn));
            assertThat(sqs.receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(1))
                            .messages())
                    .singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo("sent before the outage"));
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
