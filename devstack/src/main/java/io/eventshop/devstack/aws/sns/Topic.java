package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.AwsAccount;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A topic and the rules that come with its kind: a FIFO topic's name ends in {@code .fifo}, it numbers its messages
 * and it drops duplicates within the deduplication window.
 */
final class Topic {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Set<String> SETTABLE = Set.of(
            "DisplayName",
            "Policy",
            "DeliveryPolicy",
            "KmsMasterKeyId",
            "SignatureVersion",
            "TracingConfig",
            "ContentBasedDeduplication",
            "ArchivePolicy",
            "FifoThroughputScope",
            "DataProtectionPolicy");

    private final String arn;
    private final String name;
    private final String owner;
    private final boolean fifo;
    private final Map<String, String> requested;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final DeduplicationWindow deduplication = new DeduplicationWindow();
    private final ReentrantLock publishing = new ReentrantLock();
    private final GroupOrder groupOrder = new GroupOrder();
    private long sequence;

    private Topic(AwsAccount account, String name, Map<String, String> requested) {
        this.arn = account.arn("sns", name);
        this.name = name;
        this.owner = account.accountId();
        this.fifo = Boolean.parseBoolean(requested.get("FifoTopic"));
        this.requested = Map.copyOf(requested);
        attributes.put("DisplayName", "");
        attributes.put("Policy", defaultPolicy(account, arn));
        if (fifo) {
            attributes.put("ContentBasedDeduplication", "false");
        }
        requested.forEach((attribute, value) -> {
            if (!attribute.equals("FifoTopic")) {
                set(attribute, value);
            }
        });
    }

    /** A new topic, or InvalidParameter when the name and the FifoTopic attribute do not fit together. */
    static Topic create(AwsAccount account, String name, Map<String, String> attributes) {
        boolean fifo = Boolean.parseBoolean(attributes.get("FifoTopic"));
        if (fifo) {
            if (name == null
                    || !name.endsWith(".fifo")
                    || !NAME.matcher(name.substring(0, name.length() - 5)).matches()) {
                throw SnsException.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only "
                        + "uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be "
                        + "between 1 and 256 characters long.");
            }
        } else if (name == null || !NAME.matcher(name).matches()) {
            throw SnsException.invalidParameter("Invalid parameter: Topic Name");
        }
        return new Topic(account, name, attributes);
    }

    String arn() {
        return arn;
    }

    String name() {
        return name;
    }

    String owner() {
        return owner;
    }

    boolean fifo() {
        return fifo;
    }

    /** CreateTopic is idempotent only when it asks for what the topic was created with. */
    boolean createdWith(Map<String, String> attributes) {
        return requested.equals(attributes);
    }

    synchronized boolean contentBasedDeduplication() {
        return Boolean.parseBoolean(attributes.get("ContentBasedDeduplication"));
    }

    synchronized void set(String attribute, String value) {
        if (!SETTABLE.contains(attribute)) {
            throw SnsException.invalidParameter("Invalid parameter: AttributeName");
        }
        if (attribute.equals("ContentBasedDeduplication")) {
            if (!fifo) {
                throw SnsException.invalidParameter("Invalid parameter: ContentBasedDeduplication Reason: Content "
                        + "based deduplication can only be set for FIFO topics");
            }
            if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                throw SnsException.invalidParameter("Invalid parameter: ContentBasedDeduplication");
            }
            value = value.toLowerCase(Locale.ROOT);
        }
        attributes.put(attribute, value == null ? "" : value);
    }

    synchronized Map<String, String> attributes() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("TopicArn", arn);
        all.put("Owner", owner);
        all.putAll(attributes);
        if (fifo) {
            all.put("FifoTopic", "true");
        }
        return all;
    }

    /**
     * Held while a FIFO topic's messages are numbered, checked for duplicates and given their turn in their groups'
     * {@link #groupOrder() order}; not while they are delivered.
     */
    ReentrantLock publishing() {
        return publishing;
    }

    /** Delivers a FIFO topic's messages in sequence-number order within each message group. */
    GroupOrder groupOrder() {
        return groupOrder;
    }

    /** The next sequence number: 20 digits, increasing per topic, as AWS shows them. */
    String nextSequenceNumber() {
        synchronized (this) {
            sequence++;
            return "1" + String.format("%019d", sequence);
        }
    }

    DeduplicationWindow deduplication() {
        return deduplication;
    }

    private static String defaultPolicy(AwsAccount account, String arn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\","
                + "\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + arn + "\",\"Condition\":{\"StringEquals\":{"
                + "\"AWS:SourceOwner\":\"" + account.accountId() + "\"}}}]}";
    }
}
