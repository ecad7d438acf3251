package io.eventshop.infra.aws;

/** CloudFormation logical ids made from resource names, which may hold dashes and dots. */
final class LogicalIds {

    private LogicalIds() {}

    /** {@code order-events.fifo} gives {@code OrderEventsFifo}, with {@code prefix} (such as {@code Queue}) before. */
    static String of(String prefix, String name) {
        StringBuilder id = new StringBuilder(prefix);
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
