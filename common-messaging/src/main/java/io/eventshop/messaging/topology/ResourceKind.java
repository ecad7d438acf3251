package io.eventshop.messaging.topology;

/** The kinds of AWS resource a topology declares, named as people say them. */
public enum ResourceKind {
    SQS_QUEUE("SQS queue"),
    SNS_TOPIC("SNS topic"),
    SNS_SUBSCRIPTION("SNS subscription"),
    EVENT_BUS("EventBridge event bus"),
    EVENT_RULE("EventBridge rule"),
    EVENT_TARGET("EventBridge target"),
    EVENT_ARCHIVE("EventBridge archive");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
