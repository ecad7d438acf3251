package io.eventshop.devstack.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The connection to ElasticMQ that belongs to one client connection. AWS clients send one request at a time on a
 * connection, so one backend connection per client connection keeps each response matched to its request without a
 * pool. The backend connection runs on the client connection's event loop, so no request crosses threads.
 */
final class SqsBackend {

    private final InetSocketAddress address;
    private Channel backend;
    private InFlight inFlight;

    private record InFlight(
            ChannelHandlerContext client, FullHttpRequest request, boolean keepAlive, boolean retried) {}

    SqsBackend(InetSocketAddress address) {
        this.address = address;
    }

    void forward(ChannelHandlerContext client, FullHttpRequest request, boolean keepAlive) {
        send(new InFlight(client, request, keepAlive, false));
    }

    private void send(InFlight request) {
        inFlight = request;
        if (backend != null && backend.isActive()) {
            write(request);
            return;
        }
        ChannelFuture connecting = new Bootstrap()
                .group(request.client().channel().eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(EndpointServer.MAX_REQUEST_BYTES))
                                .addLast(new ResponseHandler());
                    }
                })
                .connect(address);
        backend = connecting.channel();
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                write(request);
            } else {
                fail(request, "ElasticMQ is not reachable: " + done.cause().getMessage());
            }
        });
    }

    private void write(InFlight request) {
        backend.writeAndFlush(request.request().retainedDuplicate()).addListener(done -> {
            if (!done.isSuccess()) {
                retryOrFail(
                        request, "writing to ElasticMQ failed: " + done.cause().getMessage());
            }
        });
    }

    /** ElasticMQ closes idle connections; a request that met such a close before any answer is sent once more. */
    private void retryOrFail(InFlight request, String reason) {
        if (inFlight != request) {
            return;
        }
        if (!request.retried()) {
            backend = null;
            send(new InFlight(request.client(), request.request(), request.keepAlive(), true));
        } else {
            fail(request, reason);
        }
    }

    private void fail(InFlight request, String reason) {
        if (inFlight != request) {
            return;
        }
        inFlight = null;
        request.request().release();
        String body = "{\"__type\":\"com.amazonaws.sqs#ServiceUnavailable\",\"message\":\"" + reason.replace('"', '\'')
                + "\"}";
        FrontendHandler.write(
                request.client(),
                new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.SERVICE_UNAVAILABLE,
                        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8)),
                request.keepAlive());
    }

    void close() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
        if (inFlight != null) {
            inFlight.request().release();
            inFlight = null;
        }
    }

    private final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            InFlight request = inFlight;
            if (request == null) {
                return;
            }
            inFlight = null;
            request.request().release();
            FrontendHandler.write(request.client(), response.retain(), request.keepAlive());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (inFlight != null && ctx.channel() == backend) {
                retryOrFail(inFlight, "ElasticMQ closed the connection");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
