package io.eventshop.devstack.aws.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP port of the local AWS endpoint. SQS requests go to the embedded ElasticMQ in this JVM; the others go to
 * the endpoint's own {@link AwsService}s on virtual threads.
 */
public final class EndpointServer implements AutoCloseable {

    /** Large enough for any valid AWS request, so that an oversized message gets AWS's error, not a closed socket. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    /** As many network threads as cores: the work on them is small, and more threads only queue for the cores. */
    private final EventLoopGroup io =
            new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());

    private final ExecutorService serviceThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Channel channel;

    /**
     * Binds the port and starts serving.
     *
     * @param sqs ElasticMQ, which serves the SQS requests
     * @param services the endpoint's own services, by destination
     */
    public EndpointServer(String host, int port, SqsService sqs, Map<Destination, AwsService> services)
            throws InterruptedException {
        var routes = new EnumMap<>(services);
        this.channel = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(new FrontendHandler(sqs, routes, serviceThreads));
                    }
                })
                .bind(host, port)
                .sync()
                .channel();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        serviceThreads.shutdownNow();
    }
}
