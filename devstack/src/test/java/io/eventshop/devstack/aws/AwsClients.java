package io.eventshop.devstack.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Real AWS SDK clients pointed at a local endpoint, as an application would configure them. */
public final class AwsClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private AwsClients() {}

    public static SqsClient sqs(LocalAwsEndpoint endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.of(endpoint.account().region()))
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    public static SnsClient sns(LocalAwsEndpoint endpoint) {
        return SnsClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.of(endpoint.account().region()))
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    public static EventBridgeClient events(LocalAwsEndpoint endpoint) {
        return EventBridgeClient.builder()
                .endpointOverride(endpoint.url())
                .region(Region.of(endpoint.account().region()))
                .credentialsProvider(CREDENTIALS)
                .build();
    }
}
