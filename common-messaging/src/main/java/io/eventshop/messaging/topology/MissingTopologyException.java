package io.eventshop.messaging.topology;

import java.util.List;

/**
 * Thrown by {@link TopologyProvisioner#verify} when resources of the topology do not exist at the endpoint. The
 * message names each one and says how to create it.
 */
public class MissingTopologyException extends IllegalStateException {

    /** The CloudFormation stack of infra/aws that creates the topology's resources on AWS. */
    public static final String STACK = "eventshop-messaging";

    private final List<String> missing;

    public MissingTopologyException(List<String> missing) {
        super(String.join(
                "\n", missing.stream().map(MissingTopologyException::line).toList()));
        this.missing = List.copyOf(missing);
    }

    private static String line(String resource) {
        return "Missing " + resource + "; deploy the CDK stack " + STACK
                + " (infra/aws), or start with eventshop.messaging.provision=true";
    }

    /** The missing resources, such as {@code "SQS queue payment-service-events.fifo"}. */
    public List<String> missing() {
        return missing;
    }
}
