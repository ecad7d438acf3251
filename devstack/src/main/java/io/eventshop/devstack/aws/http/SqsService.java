package io.eventshop.devstack.aws.http;

import java.util.concurrent.CompletionStage;

/**
 * SQS, which the endpoint serves through the embedded ElasticMQ. Unlike an {@link AwsService}, it answers later: a long
 * poll holds its request for up to 20 seconds, and no thread waits for it meanwhile. Every request gets an answer, bad
 * ones included; the stage fails only if ElasticMQ itself cannot answer.
 */
@FunctionalInterface
public interface SqsService {

    CompletionStage<AwsResponse> handle(AwsRequest request);
}
