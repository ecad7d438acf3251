package io.eventshop.messaging.topology;

import io.eventshop.devstack.LocalAwsEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Real AWS SDK clients pointed at the devstack endpoint, configured as a service would configure them. */
public final class LocalAwsClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final Region REGION = Region.US_EAST_1;

    private LocalAwsClients() {}

    public static SqsClient sqs(LocalAwsEndpoint endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint.url())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    public static SnsClient sns(LocalAwsEndpoint endpoint) {
        return SnsClient.builder()
                .endpointOverride(endpoint.url())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    public static EventBridgeClient events(LocalAwsEndpoint endpoint) {
        return EventBridgeClient.builder()
                .endpointOverride(endpoint.url())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
    }
}
