package io.eventshop.devstack.aws.sqs;

import io.eventshop.devstack.aws.http.AwsRequest;
import io.eventshop.devstack.aws.http.AwsResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The AWS SDK's HTTP client, for the endpoint's own SQS calls: it hands each request to ElasticMQ's routes in this
 * JVM, with no socket in between. The SDK still marshals the request and reads the response, so the calls behave as a
 * client's would.
 */
final class InProcessHttpClient implements SdkAsyncHttpClient {

    private final EmbeddedElasticMq elasticMq;

    InProcessHttpClient(EmbeddedElasticMq elasticMq) {
        this.elasticMq = elasticMq;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        CompletableFuture<Void> done = bodyOf(request)
                .thenCompose(body -> elasticMq.handle(toAwsRequest(request.request(), body)))
                .thenAccept(response -> answer(handler, response))
                .toCompletableFuture();
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                handler.onError(failure);
            }
        });
        return done;
    }

    private static CompletableFuture<byte[]> bodyOf(AsyncExecuteRequest request) {
        var body = new ByteArrayOutputStream();
        return SdkPublisher.adapt(request.requestContentPublisher())
                .subscribe(buffer -> {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    body.writeBytes(bytes);
                })
                .thenApply(ignored -> body.toByteArray());
    }

    private static AwsRequest toAwsRequest(SdkHttpRequest request, byte[] body) {
        HttpHeaders headers = new DefaultHttpHeaders();
        request.forEachHeader((name, values) -> headers.add(name, values));
        headers.set("Host", request.host());
        String target = request.encodedPath().isEmpty() ? "/" : request.encodedPath();
        String query = request.encodedQueryParameters().map(q -> "?" + q).orElse("");
        return new AwsRequest(request.method().name(), target + query, headers, body);
    }

    private static void answer(SdkAsyncHttpResponseHandler handler, AwsResponse response) {
        var headers = SdkHttpResponse.builder()
                .statusCode(response.status())
                .putHeader("Content-Type", response.contentType());
        response.headers().forEach(headers::putHeader);
        handler.onHeaders(headers.build());
        handler.onStream(AsyncRequestBody.fromByteBufferUnsafe(ByteBuffer.wrap(response.body())));
    }

    @Override
    public String clientName() {
        return "devstack-in-process";
    }

    @Override
    public void close() {
        // It holds nothing: ElasticMQ belongs to the endpoint.
    }
}
