package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.http.AwsResponse;

/**
 * Subscribe, Unsubscribe, ConfirmSubscription, the List actions and the subscription attributes. Only SQS
 * subscriptions exist here, and they are confirmed at once, as SNS confirms a queue in the same account.
 */
final class SubscriptionActions {

    private final TopicCatalog catalog;

    SubscriptionActions(TopicCatalog catalog) {
        this.catalog = catalog;
    }

    AwsResponse subscribe(QueryParameters parameters) {
        Topic topic = catalog.topic(parameters.required("TopicArn"), "TopicArn");
        String protocol = parameters.required("Protocol");
        if (!protocol.equals("sqs")) {
            throw SnsException.invalidParameter(
                    "Invalid parameter: Protocol Reason: the local endpoint delivers to SQS only, not " + protocol);
        }
        String queueArn = parameters.required("Endpoint");
        if (!isQueueArn(queueArn)) {
            throw SnsException.invalidParameter("Invalid parameter: SQS endpoint ARN");
        }
        SubscriptionSettings settings = SubscriptionSettings.of(parameters.map("Attributes"));
        Subscription subscription = catalog.subscribe(topic, queueArn, settings);
        return new SnsXml().element("SubscriptionArn", subscription.arn()).response("Subscribe");
    }

    /** Unsubscribing twice is no error, as in AWS. */
    AwsResponse unsubscribe(QueryParameters parameters) {
        String subscriptionArn = parameters.required("SubscriptionArn");
        if (!subscriptionArn.startsWith("arn:") || subscriptionArn.split(":", -1).length != 7) {
            throw SnsException.invalidParameter("Invalid parameter: SubscriptionId");
        }
        catalog.unsubscribe(subscriptionArn);
        return new SnsXml().response("Unsubscribe");
    }

    /** No subscription here ever waits for confirmation, so no token is valid. */
    AwsResponse confirmSubscription(QueryParameters parameters) {
        catalog.topic(parameters.required("TopicArn"), "TopicArn");
        parameters.required("Token");
        throw SnsException.invalidParameter("Invalid parameter: Token");
    }

    AwsResponse listSubscriptions(QueryParameters parameters) {
        return list("ListSubscriptions", catalog.subscriptions(null, parameters.optional("NextToken")));
    }

    AwsResponse listSubscriptionsByTopic(QueryParameters parameters) {
        Topic topic = catalog.topic(parameters.required("TopicArn"), "TopicArn");
        return list("ListSubscriptionsByTopic", catalog.subscriptions(topic.arn(), parameters.optional("NextToken")));
    }

    AwsResponse getSubscriptionAttributes(QueryParameters parameters) {
        Subscription subscription = catalog.subscription(parameters.required("SubscriptionArn"));
        return new SnsXml().map("Attributes", subscription.attributes()).response("GetSubscriptionAttributes");
    }

    AwsResponse setSubscriptionAttributes(QueryParameters parameters) {
        Subscription subscription = catalog.subscription(parameters.required("SubscriptionArn"));
        String name = parameters.required("AttributeName");
        SubscriptionSettings changed = subscription.settings().with(name, parameters.optional("AttributeValue"));
        catalog.change(subscription, changed);
        return new SnsXml().response("SetSubscriptionAttributes");
    }

    private static AwsResponse list(String action, Page<Subscription> page) {
        SnsXml xml = new SnsXml().open("Subscriptions");
        for (Subscription subscription : page.items()) {
            xml.open("member")
                    .element("SubscriptionArn", subscription.arn())
                    .element("Owner", subscription.topic().owner())
                    .element("Protocol", "sqs")
                    .element("Endpoint", subscription.queueArn())
                    .element("TopicArn", subscription.topic().arn())
                    .close("member");
        }
        return xml.close("Subscriptions").element("NextToken", page.nextToken()).response(action);
    }

    private static boolean isQueueArn(String arn) {
        try {
            return AwsAccount.serviceOf(arn).equals("sqs");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
