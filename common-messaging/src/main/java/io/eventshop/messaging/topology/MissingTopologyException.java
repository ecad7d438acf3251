package io.eventshop.messaging.topology;

import java.util.List;

/**
 * Thrown by {@link TopologyProvisioner#verify} when resources of the topology do not exist at the endpoint. The
 * message names each one and says how to create it.
 */
public class MissingTopologyException extends IllegalStateException {

    private final List<String> missing;

    public MissingTopologyException(List<String> missing) {
        super(String.join(
                "\n", missing.stream().map(MissingTopologyException::line).toList()));
        this.missing = List.copyOf(missing);
    }

    private static String line(String resource) {
        return "Missing " + resource + "; start with eventshop.messaging.provision=true or create it (infra/terraform)";
    }

    /** The missing resources, such as {@code "SQS queue payment-service-events.fifo"}. */
    public List<String> missing() {
        return missing;
    }
}
