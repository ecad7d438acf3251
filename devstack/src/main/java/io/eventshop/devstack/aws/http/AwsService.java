package io.eventshop.devstack.aws.http;

/**
 * One of the services that the endpoint implements itself. Implementations are called on a worker thread, never on
 * a network thread, so they may block briefly (to deliver to SQS, say). They must answer every request, bad ones with
 * the error that AWS would give, and never throw.
 */
@FunctionalInterface
public interface AwsService {

    AwsResponse handle(AwsRequest request);
}
