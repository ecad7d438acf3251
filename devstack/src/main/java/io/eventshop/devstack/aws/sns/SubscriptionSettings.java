package io.eventshop.devstack.aws.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.devstack.aws.AwsAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a subscriber may set (Subscribe's {@code Attributes}, SetSubscriptionAttributes), each validated as
 * SNS does. Immutable, so a publish in flight sees one consistent set.
 *
 * @param filterPolicy null when the subscription takes every message
 * @param deadLetterTargetArn the queue from the RedrivePolicy, or null
 */
record SubscriptionSettings(
        boolean rawMessageDelivery,
        FilterPolicy filterPolicy,
        FilterPolicy.Scope filterPolicyScope,
        String redrivePolicy,
        String deadLetterTargetArn,
        Map<String, String> passThrough) {

    static final SubscriptionSettings DEFAULT =
            new SubscriptionSettings(false, null, FilterPolicy.Scope.MessageAttributes, null, null, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept and shown as given; the local endpoint has no use for them. */
    private static final Set<String> PASS_THROUGH = Set.of("DeliveryPolicy", "SubscriptionRoleArn", "ReplayPolicy");

    static SubscriptionSettings of(Map<String, String> attributes) {
        SubscriptionSettings settings = DEFAULT;
        // The scope first, so that the policy is checked against the scope it will have.
        if (attributes.containsKey("FilterPolicyScope")) {
            settings = settings.with("FilterPolicyScope", attributes.get("FilterPolicyScope"));
        }
        for (var attribute : attributes.entrySet()) {
            if (!attribute.getKey().equals("FilterPolicyScope")) {
                settings = settings.with(attribute.getKey(), attribute.getValue());
            }
        }
        return settings;
    }

    /** A copy with one attribute changed, or InvalidParameter when the name or value is not one SNS accepts. */
    SubscriptionSettings with(String name, String value) {
        String given = value == null ? "" : value;
        return switch (name == null ? "" : name) {
            case "RawMessageDelivery" -> {
                if (!given.equalsIgnoreCase("true") && !given.equalsIgnoreCase("false")) {
                    throw SnsException.invalidParameter("Invalid parameter: Attributes Reason: RawMessageDelivery: "
                            + "Invalid value [" + given + "]. Must be true or false.");
                }
                yield new SubscriptionSettings(
                        Boolean.parseBoolean(given),
                        filterPolicy,
                        filterPolicyScope,
                        redrivePolicy,
                        deadLetterTargetArn,
                        passThrough);
            }
            case "FilterPolicy" ->
                new SubscriptionSettings(
                        rawMessageDelivery,
                        given.isBlank() ? null : FilterPolicy.compile(given, filterPolicyScope),
                        filterPolicyScope,
                        redrivePolicy,
                        deadLetterTargetArn,
                        passThrough);
            case "FilterPolicyScope" -> {
                FilterPolicy.Scope scope = FilterPolicy.Scope.parse(given);
                yield new SubscriptionSettings(
                        rawMessageDelivery,
                        filterPolicy == null ? null : FilterPolicy.compile(filterPolicy.policy(), scope),
                        scope,
                        redrivePolicy,
                        deadLetterTargetArn,
                        passThrough);
            }
            case "RedrivePolicy" ->
                given.isBlank()
                        ? new SubscriptionSettings(
                                rawMessageDelivery, filterPolicy, filterPolicyScope, null, null, passThrough)
                        : new SubscriptionSettings(
                                rawMessageDelivery,
                                filterPolicy,
                                filterPolicyScope,
                                given,
                                deadLetterTarget(given),
                                passThrough);
            default -> {
                if (!PASS_THROUGH.contains(name)) {
                    throw SnsException.invalidParameter("Invalid parameter: AttributeName");
                }
                var copy = new LinkedHashMap<>(passThrough);
                copy.put(name, given);
                yield new SubscriptionSettings(
                        rawMessageDelivery,
                        filterPolicy,
                        filterPolicyScope,
                        redrivePolicy,
                        deadLetterTargetArn,
                        Map.copyOf(copy));
            }
        };
    }

    /** The attributes as GetSubscriptionAttributes shows them, and as Subscribe compares them. */
    Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RawMessageDelivery", Boolean.toString(rawMessageDelivery));
        if (filterPolicy != null) {
            attributes.put("FilterPolicy", filterPolicy.policy());
            attributes.put("FilterPolicyScope", filterPolicyScope.name());
        }
        if (redrivePolicy != null) {
            attributes.put("RedrivePolicy", redrivePolicy);
        }
        attributes.putAll(passThrough);
        return attributes;
    }

    private static String deadLetterTarget(String redrivePolicy) {
        JsonNode policy;
        try {
            policy = JSON.readTree(redrivePolicy);
        } catch (Exception e) {
            throw SnsException.invalidParameter("Invalid parameter: RedrivePolicy: failed to parse JSON.");
        }
        JsonNode target = policy == null ? null : policy.get("deadLetterTargetArn");
        if (target == null || !target.isTextual()) {
            throw SnsException.invalidParameter(
                    "Invalid parameter: RedrivePolicy: deadLetterTargetArn is missing from the redrive policy");
        }
        try {
            if (AwsAccount.serviceOf(target.asText()).equals("sqs")) {
                return target.asText();
            }
        } catch (IllegalArgumentException e) {
            // reported below, as for an ARN of another service
        }
        throw SnsException.invalidParameter("Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn");
    }
}
