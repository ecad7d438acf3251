package io.eventshop.devstack.aws;

import io.eventshop.devstack.aws.events.EventBridgeService;
import io.eventshop.devstack.aws.http.AwsService;
import io.eventshop.devstack.aws.http.Destination;
import io.eventshop.devstack.aws.http.EndpointServer;
import io.eventshop.devstack.aws.ops.DevstackPages;
import io.eventshop.devstack.aws.sns.SnsService;
import io.eventshop.devstack.aws.sqs.EmbeddedElasticMq;
import io.eventshop.devstack.aws.sqs.QueueDelivery;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The devstack's local AWS endpoint: SQS (through an embedded ElasticMQ), SNS and EventBridge on one port. Any AWS
 * SDK or the AWS CLI pointed at {@link #url()} works as it does against LocalStack. Use it from code with
 * {@code LocalAwsEndpoint.start(0)}, from the command line with {@code java -jar devstack.jar aws --port 4566}, and
 * from tests with {@link io.eventshop.devstack.aws.junit.LocalAwsExtension}.
 */
public final class LocalAwsEndpoint implements AutoCloseable {

    private final AwsAccount account;
    private final EmbeddedElasticMq elasticMq;
    private final SqsAsyncClient sqs;
    private final EventBridgeService events;
    private final String host;
    private final Map<Destination, AwsService> services;
    private final int port;
    private EndpointServer server;
    private boolean online = true;

    private LocalAwsEndpoint(String host, int port, AwsAccount account) throws InterruptedException {
        this.account = account;
        this.host = host;
        this.elasticMq = new EmbeddedElasticMq(account);
        // ElasticMQ takes most of the start; what needs only its address is built meanwhile, on this thread.
        var elasticMqStart = new FutureTask<>(elasticMq::start, null);
        Thread.ofPlatform().name("elasticmq-start").start(elasticMqStart);
        this.sqs = elasticMq.client();
        var delivery = new QueueDelivery(elasticMq);
        var sns = new SnsService(account, delivery);
        this.events = new EventBridgeService(account, delivery);
        this.services = Map.of(
                Destination.SNS, sns,
                Destination.EVENTS, events,
                Destination.DEVSTACK, new DevstackPages(sqs, elasticMq.contents(), sns, events));
        awaitStart(elasticMqStart);
        this.server = new EndpointServer(host, port, elasticMq, services);
        this.port = server.port();
    }

    private void awaitStart(FutureTask<?> elasticMqStart) throws InterruptedException {
        try {
            elasticMqStart.get();
        } catch (ExecutionException e) {
            events.close();
            sqs.close();
            elasticMq.close();
            throw new IllegalStateException("ElasticMQ did not start", e.getCause());
        }
    }

    /** Starts the endpoint on the loopback interface; port 0 picks a free port. */
    public static LocalAwsEndpoint start(int port) {
        return start("127.0.0.1", port, AwsAccount.DEFAULT);
    }

    public static LocalAwsEndpoint start(String host, int port, AwsAccount account) {
        try {
            return new LocalAwsEndpoint(host, port, account);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the endpoint", e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Takes the endpoint off the network, as an outage of AWS would: the port refuses connections and the open ones are
     * dropped, requests in flight included. The queues, topics, subscriptions, buses and rules keep their state, and
     * the messages in the queues stay there. {@link #goOnline()} ends the outage.
     */
    public synchronized void goOffline() {
        if (online) {
            server.close();
            online = false;
        }
    }

    /** Ends an outage: the endpoint serves on the same port again, with the state it had. */
    public synchronized void goOnline() {
        if (!online) {
            try {
                server = new EndpointServer(host, port, elasticMq, services);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while binding port " + port + " again", e);
            }
            online = true;
        }
    }

    /** The URL to give AWS clients as their endpoint, such as {@code http://localhost:4566}. */
    public URI url() {
        return URI.create("http://localhost:" + port());
    }

    public AwsAccount account() {
        return account;
    }

    @Override
    public synchronized void close() {
        if (online) {
            server.close();
        }
        events.close();
        sqs.close();
        elasticMq.close();
    }
}
