package io.eventshop.devstack.sqs;

import io.eventshop.devstack.AwsAccount;
import java.net.InetSocketAddress;
import java.net.URI;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * ElasticMQ, on a private loopback port. Clients never see this port: the endpoint relays SQS requests here and keeps
 * the Host header, so the queue URLs that ElasticMQ builds point at the endpoint's public port.
 */
public final class EmbeddedElasticMq implements AutoCloseable {

    private final ActorSystem actorSystem = ActorSystem.create("elasticmq");
    private final SQSRestServer server;
    private final InetSocketAddress address;
    private final AwsAccount account;

    public EmbeddedElasticMq(AwsAccount account) {
        this.account = account;
        this.server = SQSRestServerBuilder.withActorSystem(actorSystem)
                .withInterface("127.0.0.1")
                .withDynamicPort()
                // "*" makes ElasticMQ build queue URLs from each request's Host header.
                .withServerAddress(new NodeAddress("http", "*", 0, ""))
                .withSQSLimits(StrictSQSLimits$.MODULE$)
                .withAWSRegion(account.region())
                .withAWSAccountId(account.accountId())
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        this.address = new InetSocketAddress("127.0.0.1", port);
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
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("devstack", "devstack")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(500))
                .build();
    }

    @Override
    public void close() {
        try {
            Await.result(server.stopAndGetFuture().apply(), Duration.create(10, "s"));
            Await.result(actorSystem.terminate(), Duration.create(10, "s"));
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ did not stop", e);
        }
    }
}
