package io.eventshop.devstack.events;

import io.eventshop.devstack.AwsAccount;
import io.eventshop.devstack.http.AwsRequest;
import io.eventshop.devstack.http.AwsResponse;
import io.eventshop.devstack.http.AwsService;
import io.eventshop.devstack.sqs.QueueDelivery;
import java.util.Map;

/** EventBridge over AWS JSON 1.1: buses, rules, SQS targets, archives and replays. */
public final class EventBridgeService implements AwsService, AutoCloseable {

    public EventBridgeService(AwsAccount account, QueueDelivery delivery) {}

    @Override
    public AwsResponse handle(AwsRequest request) {
        throw new UnsupportedOperationException("EventBridge comes next");
    }

    /** Buses, rules and targets, for the devstack's state page. */
    public Map<String, Object> state() {
        return Map.of();
    }

    @Override
    public void close() {}
}
