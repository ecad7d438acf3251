package io.eventshop.devstack.aws.http;

/** Where the endpoint sends a request. */
public enum Destination {
    SQS,
    SNS,
    EVENTS,
    DEVSTACK,
    UNKNOWN
}
