package io.eventshop.devstack.sns;

import io.eventshop.devstack.AwsAccount;
import io.eventshop.devstack.http.AwsRequest;
import io.eventshop.devstack.http.AwsResponse;
import io.eventshop.devstack.http.AwsService;
import io.eventshop.devstack.sqs.QueueDelivery;
import java.util.Map;

/** SNS over the awsQuery protocol: topics, SQS subscriptions with filter policies, and delivery. */
public final class SnsService implements AwsService {

    public SnsService(AwsAccount account, QueueDelivery delivery) {}

    @Override
    public AwsResponse handle(AwsRequest request) {
        throw new UnsupportedOperationException("SNS comes next");
    }

    /** Topics and subscriptions, for the devstack's state page. */
    public Map<String, Object> state() {
        return Map.of();
    }
}
