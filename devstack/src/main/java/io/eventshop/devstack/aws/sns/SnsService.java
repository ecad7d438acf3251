package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.http.AwsRequest;
import io.eventshop.devstack.aws.http.AwsResponse;
import io.eventshop.devstack.aws.http.AwsService;
import io.eventshop.devstack.aws.sqs.QueueDelivery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SNS over the awsQuery protocol: topics, SQS subscriptions with filter policies, and delivery. */
public final class SnsService implements AwsService {

    private static final Logger log = LoggerFactory.getLogger(SnsService.class);

    private final TopicCatalog catalog;
    private final TopicActions topics;
    private final SubscriptionActions subscriptions;
    private final PublishActions publishing;

    public SnsService(AwsAccount account, QueueDelivery delivery) {
        this(account, delivery, Clock.systemUTC());
    }

    SnsService(AwsAccount account, QueueDelivery delivery, Clock clock) {
        this.catalog = new TopicCatalog(account);
        this.topics = new TopicActions(catalog);
        this.subscriptions = new SubscriptionActions(catalog);
        this.publishing =
                new PublishActions(catalog, new Publisher(catalog, new Fanout(delivery, account.region()), clock));
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        try {
            return dispatch(parameters(request), endpointUrl(request));
        } catch (SnsException e) {
            return SnsXml.error(e);
        } catch (RuntimeException e) {
            log.error("SNS failed on a request", e);
            return SnsXml.error(500, "Receiver", "InternalFailure", "The local SNS failed: " + e);
        }
    }

    private AwsResponse dispatch(QueryParameters parameters, String endpointUrl) {
        String action = parameters.optional("Action");
        if (action == null) {
            throw new SnsException("MissingAction", 400, "Missing Action");
        }
        return switch (action) {
            case "CreateTopic" -> topics.createTopic(parameters);
            case "DeleteTopic" -> topics.deleteTopic(parameters);
            case "ListTopics" -> topics.listTopics(parameters);
            case "GetTopicAttributes" -> topics.getTopicAttributes(parameters);
            case "SetTopicAttributes" -> topics.setTopicAttributes(parameters);
            case "Subscribe" -> subscriptions.subscribe(parameters);
            case "Unsubscribe" -> subscriptions.unsubscribe(parameters);
            case "ConfirmSubscription" -> subscriptions.confirmSubscription(parameters);
            case "ListSubscriptions" -> subscriptions.listSubscriptions(parameters);
            case "ListSubscriptionsByTopic" -> subscriptions.listSubscriptionsByTopic(parameters);
            case "GetSubscriptionAttributes" -> subscriptions.getSubscriptionAttributes(parameters);
            case "SetSubscriptionAttributes" -> subscriptions.setSubscriptionAttributes(parameters);
            case "Publish" -> publishing.publish(parameters, endpointUrl);
            case "PublishBatch" -> publishing.publishBatch(parameters, endpointUrl);
            default ->
                throw new SnsException(
                        "InvalidAction", 400, "The action " + action + " is not valid for this web service.");
        };
    }

    private static QueryParameters parameters(AwsRequest request) {
        try {
            return new QueryParameters(request.queryParameters());
        } catch (IllegalArgumentException e) {
            throw new SnsException("MalformedQueryString", 400, "The query string is malformed: " + e.getMessage());
        }
    }

    /** Where clients reach this endpoint, as the request's Host header tells, for the envelope's UnsubscribeURL. */
    private static String endpointUrl(AwsRequest request) {
        String host = request.header("Host");
        return "http://" + (host == null || host.isBlank() ? "localhost" : host);
    }

    /** Topics and subscriptions, with each subscription's delivery counts, for the devstack's state page. */
    public Map<String, Object> state() {
        List<Map<String, Object>> topicStates = catalog.allTopics().stream()
                .map(topic -> {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("topicArn", topic.arn());
                    state.put("attributes", topic.attributes());
                    return state;
                })
                .toList();
        List<Map<String, Object>> subscriptionStates =
                catalog.allSubscriptions().stream().map(Subscription::state).toList();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("topics", topicStates);
        state.put("subscriptions", subscriptionStates);
        return state;
    }

    /**
     * Each topic with its subscriptions, their filter policies and their delivery counts, for the devstack console.
     * A subscription's {@code deadLetterQueueArn} is the queue of its RedrivePolicy, or null.
     */
    public List<Map<String, Object>> topicsWithSubscriptions() {
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Topic topic : catalog.allTopics()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", topic.name());
            view.put("arn", topic.arn());
            view.put("fifo", topic.fifo());
            view.put(
                    "subscriptions",
                    catalog.subscriptionsOf(topic.arn()).stream()
                            .map(Subscription::overview)
                            .toList());
            topics.add(view);
        }
        return topics;
    }
}
