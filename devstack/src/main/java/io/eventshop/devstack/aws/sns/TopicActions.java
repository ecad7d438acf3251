package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.http.AwsResponse;

/** CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes and SetTopicAttributes. */
final class TopicActions {

    private final TopicCatalog catalog;

    TopicActions(TopicCatalog catalog) {
        this.catalog = catalog;
    }

    AwsResponse createTopic(QueryParameters parameters) {
        Topic topic = catalog.create(parameters.required("Name"), parameters.map("Attributes"));
        return new SnsXml().element("TopicArn", topic.arn()).response("CreateTopic");
    }

    AwsResponse deleteTopic(QueryParameters parameters) {
        catalog.delete(parameters.required("TopicArn"));
        return new SnsXml().response("DeleteTopic");
    }

    AwsResponse listTopics(QueryParameters parameters) {
        Page<Topic> page = catalog.topics(parameters.optional("NextToken"));
        SnsXml xml = new SnsXml().open("Topics");
        page.items()
                .forEach(topic ->
                        xml.open("member").element("TopicArn", topic.arn()).close("member"));
        return xml.close("Topics").element("NextToken", page.nextToken()).response("ListTopics");
    }

    AwsResponse getTopicAttributes(QueryParameters parameters) {
        Topic topic = catalog.topic(parameters.required("TopicArn"), "TopicArn");
        var attributes = topic.attributes();
        var subscriptions = catalog.subscriptionsOf(topic.arn());
        attributes.put("SubscriptionsConfirmed", Integer.toString(subscriptions.size()));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        return new SnsXml().map("Attributes", attributes).response("GetTopicAttributes");
    }

    AwsResponse setTopicAttributes(QueryParameters parameters) {
        Topic topic = catalog.topic(parameters.required("TopicArn"), "TopicArn");
        topic.set(parameters.required("AttributeName"), parameters.optional("AttributeValue"));
        return new SnsXml().response("SetTopicAttributes");
    }
}
