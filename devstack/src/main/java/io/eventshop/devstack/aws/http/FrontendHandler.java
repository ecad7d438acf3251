package io.eventshop.devstack.aws.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Handles one client connection: routes each request, and writes each response back. */
final class FrontendHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(FrontendHandler.class);

    private final Map<Destination, AwsService> services;
    private final Executor serviceThreads;
    private final SqsService sqs;

    FrontendHandler(SqsService sqs, Map<Destination, AwsService> services, Executor serviceThreads) {
        this.services = services;
        this.serviceThreads = serviceThreads;
        this.sqs = sqs;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Destination destination = RequestRouter.route(request);
        AwsService service = services.get(destination);
        var awsRequest = new AwsRequest(
                request.method().name(),
                request.uri(),
                request.headers().copy(),
                ByteBufUtil.getBytes(request.content()));
        if (destination == Destination.SQS) {
            sqs.handle(awsRequest)
                    .whenComplete((response, failure) ->
                            write(ctx, failure == null ? response : unavailable(failure), keepAlive));
        } else if (service == null) {
            write(ctx, unroutable(), keepAlive);
        } else {
            try {
                serviceThreads.execute(() -> write(ctx, handle(service, awsRequest), keepAlive));
            } catch (RejectedExecutionException stopping) {
                ctx.close();
            }
        }
    }

    private static AwsResponse handle(AwsService service, AwsRequest request) {
        try {
            return service.handle(request);
        } catch (RuntimeException e) {
            log.error("Unexpected failure handling {} {}", request.method(), request.uri(), e);
            return AwsResponse.jsonError(
                    500, "application/json", "InternalFailure", e.getClass().getSimpleName());
        }
    }

    private static AwsResponse unavailable(Throwable failure) {
        log.error("ElasticMQ did not answer an SQS request", failure);
        return AwsResponse.jsonError(
                503,
                "application/x-amz-json-1.0",
                "com.amazonaws.sqs#ServiceUnavailable",
                "ElasticMQ did not answer: " + failure.getClass().getSimpleName());
    }

    private static AwsResponse unroutable() {
        return AwsResponse.jsonError(
                400,
                "application/json",
                "UnknownOperationException",
                "The devstack serves SQS, SNS and EventBridge. It tells them apart by the service in the SigV4"
                        + " credential scope, then by X-Amz-Target, then by the Action parameter; this request has"
                        + " none it knows.");
    }

    static void write(ChannelHandlerContext ctx, AwsResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(response.body()));
        http.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
                .set("x-amzn-RequestId", UUID.randomUUID().toString());
        response.headers().forEach(http.headers()::set);
        write(ctx, http, keepAlive);
    }

    static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing a client connection after an error", cause);
        ctx.close();
    }
}
