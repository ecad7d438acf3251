package io.eventshop.devstack.sqs;

import io.eventshop.devstack.AwsAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * ElasticMQ, on a private loopback port. Clients never see this port: the endpoint relays SQS requests here and keeps
 * the Host header, so the queue URLs that ElasticMQ builds point at the endpoint's public port.
 *
 * <p>The port is chosen when the object is made, and ElasticMQ binds it in {@link #start()}: its start is most of the
 * endpoint's, so the endpoint builds everything that only needs the address while ElasticMQ starts.
 */
public final class EmbeddedElasticMq implements AutoCloseable {

    private final InetSocketAddress address;
    private final AwsAccount account;
    private ActorSystem actorSystem;
    private SQSRestServer server;

    public EmbeddedElasticMq(AwsAccount account) {
        this.account = account;
        this.address = new InetSocketAddress("127.0.0.1", freeLoopbackPort());
    }

    /** Starts ElasticMQ on its port, and returns once it listens. */
    public void start() {
        actorSystem = ActorSystem.create("elasticmq");
        server = SQSRestServerBuilder.withActorSystem(actorSystem)
                .withInterface(address.getHostString())
                .withPort(address.getPort())
                // "*" makes ElasticMQ build queue URLs from each request's Host header.
                .withServerAddress(new NodeAddress("http", "*", 0, ""))
                .withSQSLimits(StrictSQSLimits$.MODULE$)
                .withAWSRegion(account.region())
                .withAWSAccountId(account.accountId())
                .start();
        server.waitUntilStarted();
    }

    /**
     * A port that was free a moment ago. Another process could take it before ElasticMQ binds it, and then the start
     * fails and says so; on a loopback interface, with the kernel handing out ephemeral ports in turn, that is rare.
     */
    private static int freeLoopbackPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for ElasticMQ", e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** What a queue's name is appended to, to make its URL on ElasticMQ's own port. */
    public String queueUrlPrefix() {
        return "http://127.0.0.1:" + address.getPort() + "/" + account.accountId() + "/";
    }

    /** A client of ElasticMQ's own port, for the endpoint's deliveries. The caller closes it. */
    public SqsAsyncClient client() {
        return SqsAsyncClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + address.getPort()))
                .region(Region.of(account.region()))
                // ElasticMQ checks no signature, so the deliveries skip SigV4's hashing and signing.
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(500))
                .build();
    }

    @Override
    public void close() {
        if (actorSystem == null) {
            return;
        }
        try {
            if (server != null) {
                Await.result(server.stopAndGetFuture().apply(), Duration.create(10, "s"));
            }
            Await.result(actorSystem.terminate(), Duration.create(10, "s"));
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ did not stop", e);
        }
    }
}
