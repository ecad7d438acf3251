package io.eventshop.devstack.aws.sqs;

import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.http.AwsRequest;
import io.eventshop.devstack.aws.http.AwsResponse;
import io.eventshop.devstack.aws.http.SqsService;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.scaladsl.model.ExceptionWithErrorInfo;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * ElasticMQ, in process and with no port of its own. The endpoint hands it each SQS request as a Pekko HTTP request
 * ({@link #handle}), and its own deliveries go the same way ({@link #client()}). The queue URLs that ElasticMQ builds
 * take the host of the request, so a client of the endpoint gets URLs that point at the endpoint's port.
 *
 * <p>Its start is most of the endpoint's, so the endpoint calls {@link #start()} on a thread of its own and builds the
 * rest meanwhile.
 */
public final class EmbeddedElasticMq implements SqsService, AutoCloseable {

    /** The host of the endpoint's own requests; no socket is opened for it. */
    static final URI INTERNAL = URI.create("http://elasticmq.internal");

    /** Headers that Pekko's model keeps as parts of the entity or of the connection, not as headers. */
    private static final Set<String> ENTITY_HEADERS =
            Set.of("content-type", "content-length", "transfer-encoding", "connection");

    private final AwsAccount account;
    private final QueueContents contents = new QueueContents();
    private volatile ActorSystem actorSystem;
    private volatile Function<HttpRequest, CompletionStage<HttpResponse>> routes;
    private volatile QueueSends sends;

    public EmbeddedElasticMq(AwsAccount account) {
        this.account = account;
    }

    /** Starts ElasticMQ's actors, and returns once its routes can take requests. */
    public void start() {
        actorSystem = ActorSystem.create("elasticmq");
        var queueEvents = actorSystem.actorOf(contents.listener(), "queue-events");
        var started = ElasticMqRoutes.start(
                actorSystem, account.region(), account.accountId(), queueEvents, queueUrlPrefix());
        routes = started.routes();
        sends = started.sends();
    }

    /** The endpoint's own way to put messages on queues, with no SQS request made (see {@link QueueSends}). */
    public QueueSends sends() {
        return sends;
    }

    /** What the queues hold, message by message, as ElasticMQ reports it. */
    public QueueContents contents() {
        return contents;
    }

    /**
     * Serves one SQS request, in either of SQS's protocols. ElasticMQ sees it as its own HTTP server would have parsed
     * it, with an absolute URI made from the request's Host header.
     */
    @Override
    public CompletionStage<AwsResponse> handle(AwsRequest request) {
        HttpRequest pekko;
        try {
            pekko = toPekko(request);
        } catch (IllegalArgumentException | ExceptionWithErrorInfo unreadable) {
            // What Pekko's own server would have refused: an unknown method, a request target that is no URI.
            return CompletableFuture.completedFuture(AwsResponse.jsonError(
                    400,
                    "application/x-amz-json-1.0",
                    "com.amazonaws.sqs#InvalidAddress",
                    "The request cannot be read: " + unreadable.getMessage()));
        }
        return routes.apply(pekko).thenApply(EmbeddedElasticMq::fromPekko);
    }

    private static HttpRequest toPekko(AwsRequest request) {
        String host = request.header("Host");
        List<HttpHeader> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            if (!ENTITY_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                // ElasticMQ reads headers by name only (X-Amz-Target, X-Amzn-Trace-Id), so none is parsed: parsing
                // each one with HttpHeader.parse cut the SQS throughput by half.
                headers.add(RawHeader.create(header.getKey(), header.getValue()));
            }
        }
        return HttpRequest.create()
                .withMethod(HttpMethods.lookup(request.method())
                        .orElseThrow(() -> new IllegalArgumentException("no HTTP method " + request.method())))
                .withUri(Uri.create("http://" + (host == null ? "localhost" : host) + request.uri()))
                .addHeaders(headers)
                .withEntity(HttpEntities.create(contentType(request.header("Content-Type")), request.body()));
    }

    /** As Pekko's own server reads it: a content type that cannot be parsed is read as none. */
    private static ContentType contentType(String header) {
        if (header != null) {
            try {
                return ContentTypes.parse(header);
            } catch (IllegalArgumentException unparseable) {
                // falls through to the default
            }
        }
        return ContentTypes.APPLICATION_OCTET_STREAM;
    }

    private static AwsResponse fromPekko(HttpResponse response) {
        var entity = (HttpEntity.Strict) response.entity();
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(header -> headers.put(header.name(), header.value()));
        return new AwsResponse(
                response.status().intValue(),
                entity.getContentType().toString(),
                entity.getData().toArray(),
                headers);
    }

    /** What a queue's name is appended to, to make its URL for {@link #client()}. */
    public String queueUrlPrefix() {
        return INTERNAL + "/" + account.accountId() + "/";
    }

    /**
     * An SQS client of this ElasticMQ that makes no network call: its requests go straight to {@link #handle}. The
     * endpoint's deliveries use it. The caller closes it.
     */
    public SqsAsyncClient client() {
        return SqsAsyncClient.builder()
                .endpointOverride(INTERNAL)
                .region(Region.of(account.region()))
                // ElasticMQ checks no signature, so the deliveries skip SigV4's hashing and signing.
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(new InProcessHttpClient(this))
                .build();
    }

    @Override
    public void close() {
        if (actorSystem == null) {
            return;
        }
        try {
            Await.result(actorSystem.terminate(), Duration.create(10, "s"));
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ did not stop", e);
        }
    }
}
