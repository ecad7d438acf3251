package io.eventshop.messaging.topology;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Real AWS SDK clients pointed at the devstack endpoint, configured as a service would configure them, with the given
 * interceptors (such as {@link AwsCalls}).
 */
public final class LocalAwsClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final Region REGION = Region.US_EAST_1;

    private LocalAwsClients() {}

    public static SqsClient sqs(LocalAwsEndpoint endpoint, ExecutionInterceptor... interceptors) {
        return SqsClient.builder()
                .endpointOverride(endpoint.url())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(override -> override.executionInterceptors(List.of(interceptors)))
                .build();
    }

    public static SnsClient sns(LocalAwsEndpoint endpoint, ExecutionInterceptor... interceptors) {
        return SnsClient.builder()
                .endpointOverride(endpoint.url())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(override -> override.executionInterceptors(List.of(interceptors)))
                .build();
    }

    public static EventBridgeClient events(LocalAwsEndpoint endpoint, ExecutionInterceptor... interceptors) {
        return EventBridgeClient.builder()
                .endpointOverride(endpoint.url())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(override -> override.executionInterceptors(List.of(interceptors)))
                .build();
    }
}
