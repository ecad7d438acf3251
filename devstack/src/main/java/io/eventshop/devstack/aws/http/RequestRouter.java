package io.eventshop.devstack.aws.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which service a request is for, as AWS would from its host name. Here all share one port, so the router reads
 * the service name in the SigV4 credential scope ({@code .../us-east-1/sqs/aws4_request}), then the
 * {@code X-Amz-Target} header, then the awsQuery {@code Action} parameter.
 */
final class RequestRouter {

    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/]+/([^/]+)/aws4_request");

    /** The SNS actions, so that an unsigned awsQuery request can be told from an SQS one. */
    static final Set<String> SNS_ACTIONS = Set.of(
            "CreateTopic",
            "DeleteTopic",
            "ListTopics",
            "GetTopicAttributes",
            "SetTopicAttributes",
            "Subscribe",
            "Unsubscribe",
            "ConfirmSubscription",
            "ListSubscriptions",
            "ListSubscriptionsByTopic",
            "GetSubscriptionAttributes",
            "SetSubscriptionAttributes",
            "Publish",
            "PublishBatch");

    private RequestRouter() {}

    static Destination route(FullHttpRequest request) {
        if (request.uri().startsWith("/_devstack")) {
            return Destination.DEVSTACK;
        }
        Destination byScope = byService(credentialScopeService(request));
        if (byScope != null) {
            return byScope;
        }
        String target = request.headers().get("X-Amz-Target");
        if (target != null) {
            if (target.startsWith("AmazonSQS.")) {
                return Destination.SQS;
            }
            if (target.startsWith("AWSEvents.")) {
                return Destination.EVENTS;
            }
            return Destination.UNKNOWN;
        }
        String action = action(request);
        if (action == null) {
            return Destination.UNKNOWN;
        }
        return SNS_ACTIONS.contains(action) ? Destination.SNS : Destination.SQS;
    }

    private static Destination byService(String service) {
        if (service == null) {
            return null;
        }
        return switch (service) {
            case "sqs" -> Destination.SQS;
            case "sns" -> Destination.SNS;
            case "events" -> Destination.EVENTS;
            default -> Destination.UNKNOWN;
        };
    }

    private static String credentialScopeService(FullHttpRequest request) {
        String authorization = request.headers().get("Authorization");
        if (authorization == null) {
            List<String> presigned =
                    new QueryStringDecoder(request.uri()).parameters().get("X-Amz-Credential");
            authorization = presigned == null ? null : "Credential=" + presigned.getFirst();
        }
        if (authorization == null) {
            return null;
        }
        Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String action(FullHttpRequest request) {
        List<String> fromQuery =
                new QueryStringDecoder(request.uri()).parameters().get("Action");
        if (fromQuery != null) {
            return fromQuery.getFirst();
        }
        String body = request.content().toString(StandardCharsets.UTF_8);
        List<String> fromBody = new QueryStringDecoder(body, StandardCharsets.UTF_8, false)
                .parameters()
                .get("Action");
        return fromBody == null ? null : fromBody.getFirst();
    }
}
