package io.eventshop.devstack.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestRouterTests {

    private static FullHttpRequest request(String uri, String body) {
        return new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.POST, uri, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }

    private static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20261123/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";
    }

    @Test
    void theCredentialScopeDecidesFirst() {
        var request = request("/", "Action=Publish");
        request.headers().set("Authorization", authorization("sqs"));

        assertThat(RequestRouter.route(request)).isEqualTo(Destination.SQS);
    }

    @Test
    void eachSignedServiceGoesToItsDestination() {
        for (var service : new String[] {"sqs", "sns", "events"}) {
            var request = request("/", "");
            request.headers().set("Authorization", authorization(service));
            assertThat(RequestRouter.route(request).name()).isEqualTo(service.toUpperCase());
        }
    }

    @Test
    void anUnsignedRequestIsRoutedByItsTarget() {
        var sqs = request("/", "{}");
        sqs.headers().set("X-Amz-Target", "AmazonSQS.ListQueues");
        var events = request("/", "{}");
        events.headers().set("X-Amz-Target", "AWSEvents.PutEvents");

        assertThat(RequestRouter.route(sqs)).isEqualTo(Destination.SQS);
        assertThat(RequestRouter.route(events)).isEqualTo(Destination.EVENTS);
    }

    @Test
    void anUnsignedQueryRequestIsRoutedByItsAction() {
        assertThat(RequestRouter.route(request("/", "Action=Publish&TopicArn=x")))
                .isEqualTo(Destination.SNS);
        assertThat(RequestRouter.route(request("/", "Action=SendMessage"))).isEqualTo(Destination.SQS);
        assertThat(RequestRouter.route(request("/?Action=ListTopics", ""))).isEqualTo(Destination.SNS);
    }

    @Test
    void otherServicesAndAnonymousRequestsAreUnknown() {
        var sts = request("/", "Action=GetCallerIdentity");
        sts.headers().set("Authorization", authorization("sts"));

        assertThat(RequestRouter.route(sts)).isEqualTo(Destination.UNKNOWN);
        assertThat(RequestRouter.route(request("/", "hello"))).isEqualTo(Destination.UNKNOWN);
        assertThat(RequestRouter.route(request("/_devstack/health", ""))).isEqualTo(Destination.DEVSTACK);
    }
}
