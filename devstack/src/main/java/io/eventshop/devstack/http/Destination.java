package io.eventshop.devstack.http;

/** Where the endpoint sends a request. */
public enum Destination {
    SQS,
    SNS,
    EVENTS,
    DEVSTACK,
    UNKNOWN
}
