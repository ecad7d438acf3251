package io.eventshop.devstack.aws;

import java.util.Objects;

/**
 * The region and account that the local endpoint pretends to be, and the ARNs it builds from them.
 *
 * <p>The defaults match LocalStack's, so that ARNs written for one work against the other.
 */
public record AwsAccount(String region, String accountId) {

    public static final AwsAccount DEFAULT = new AwsAccount("us-east-1", "000000000000");

    public AwsAccount {
        Objects.requireNonNull(region, "region");
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
        }
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** The last part of an ARN such as {@code arn:aws:sqs:us-east-1:000000000000:orders}: {@code orders}. */
    public static String resourceOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            throw new IllegalArgumentException("not an ARN: " + arn);
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || parts[5].isEmpty()) {
            throw new IllegalArgumentException("not an ARN: " + arn);
        }
        return parts[5];
    }

    /** The service part of an ARN: {@code sqs}, {@code sns} or {@code events}. */
    public static String serviceOf(String arn) {
        resourceOf(arn);
        return arn.split(":", 6)[2];
    }
}
