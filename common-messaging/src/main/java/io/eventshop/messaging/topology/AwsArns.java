package io.eventshop.messaging.topology;

/**
 * Builds the ARNs of topology resources in one partition, region and account, learnt from the ARN of a queue that
 * exists. A queue's access policy names the topics and rules allowed to send to it before they need to exist.
 */
record AwsArns(String partition, String region, String account) {

    /** The partition, region and account of an ARN such as {@code arn:aws:sqs:us-east-1:000000000000:orders}. */
    static AwsArns of(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            throw new IllegalArgumentException("not an ARN: " + arn);
        }
        return new AwsArns(parts[1], parts[3], parts[4]);
    }

    String queue(String name) {
        return arn("sqs", name);
    }

    String topic(String name) {
        return arn("sns", name);
    }

    String eventBus(String name) {
        return arn("events", "event-bus/" + name);
    }

    String rule(String bus, String rule) {
        return arn("events", "rule/" + bus + "/" + rule);
    }

    private String arn(String service, String resource) {
        return String.join(":", "arn", partition, service, region, account, resource);
    }
}
