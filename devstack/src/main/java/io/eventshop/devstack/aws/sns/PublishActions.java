package io.eventshop.devstack.aws.sns;

import io.eventshop.devstack.aws.http.AwsResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Publish and PublishBatch. A batch is checked as a whole first (count, ids, total size); then each entry on its own,
 * so that one bad entry fails and the others are published. On a FIFO topic, the entries that follow a failed entry of
 * the same message group fail with it: were they published, the failed one could only come after them when the caller
 * retries it, and the group would be out of order. AWS documents no behaviour here; this one is the devstack's choice,
 * and the safe one for a caller that retries.
 */
final class PublishActions {

    static final int MAX_BATCH_ENTRIES = 10;

    /** The code of an entry that was not published because an earlier entry of its message group failed. */
    static final String GROUP_FAILED = "EarlierEntryOfGroupFailed";

    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final TopicCatalog catalog;
    private final Publisher publisher;

    PublishActions(TopicCatalog catalog, Publisher publisher) {
        this.catalog = catalog;
        this.publisher = publisher;
    }

    AwsResponse publish(QueryParameters parameters, String endpointUrl) {
        if (parameters.optional("PhoneNumber") != null) {
            throw SnsException.invalidParameter(
                    "Invalid parameter: PhoneNumber Reason: the local endpoint does not send SMS");
        }
        String topicArn = parameters.optional("TopicArn");
        String targetArn = parameters.optional("TargetArn");
        if ((topicArn == null) == (targetArn == null)) {
            throw SnsException.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: exactly one of "
                    + "TopicArn, TargetArn and PhoneNumber must be given");
        }
        Topic topic = topicArn != null ? catalog.topic(topicArn, "TopicArn") : catalog.topic(targetArn, "TargetArn");
        PublishInput input = PublishInput.read(parameters, topic);
        Publisher.Published published =
                publisher.publish(topic, List.of(input), endpointUrl).getFirst();
        return new SnsXml()
                .element("MessageId", published.messageId())
                .element("SequenceNumber", published.sequenceNumber())
                .response("Publish");
    }

    AwsResponse publishBatch(QueryParameters parameters, String endpointUrl) {
        Topic topic = catalog.topic(parameters.required("TopicArn"), "TopicArn");
        List<QueryParameters> entries = parameters.members("PublishBatchRequestEntries");
        checkBatch(entries);
        List<String> acceptedIds = new ArrayList<>();
        List<PublishInput> accepted = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        SnsXml failed = new SnsXml();
        for (QueryParameters entry : entries) {
            String group = entry.optional("MessageGroupId");
            if (topic.fifo() && group != null && failedGroups.contains(group)) {
                failed(
                        failed,
                        entry,
                        GROUP_FAILED,
                        "An earlier entry of message group " + group + " in this batch "
                                + "failed; a FIFO topic publishes a group in order, so this entry was not published",
                        false);
                continue;
            }
            try {
                accepted.add(PublishInput.read(entry, topic));
                acceptedIds.add(entry.optional("Id"));
            } catch (SnsException e) {
                failed(failed, entry, e.code(), e.getMessage(), true);
                if (group != null) {
                    failedGroups.add(group);
                }
            }
        }
        List<Publisher.Published> published =
                accepted.isEmpty() ? List.of() : publisher.publish(topic, accepted, endpointUrl);
        SnsXml xml = new SnsXml().open("Successful");
        for (int i = 0; i < published.size(); i++) {
            xml.open("member")
                    .element("Id", acceptedIds.get(i))
                    .element("MessageId", published.get(i).messageId())
                    .element("SequenceNumber", published.get(i).sequenceNumber())
                    .close("member");
        }
        return xml.close("Successful")
                .open("Failed")
                .raw(failed)
                .close("Failed")
                .response("PublishBatch");
    }

    private static void failed(SnsXml failed, QueryParameters entry, String code, String message, boolean sender) {
        failed.open("member")
                .element("Id", entry.optional("Id"))
                .element("Code", code)
                .element("Message", message)
                .element("SenderFault", sender)
                .close("member");
    }

    private static void checkBatch(List<QueryParameters> entries) {
        if (entries.isEmpty()) {
            throw new SnsException("EmptyBatchRequest", 400, "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw new SnsException(
                    "TooManyEntriesInBatchRequest", 400, "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        for (QueryParameters entry : entries) {
            String id = entry.optional("Id");
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) {
                throw new SnsException(
                        "InvalidBatchEntryId",
                        400,
                        "The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(id)) {
                throw new SnsException(
                        "BatchEntryIdsNotDistinct", 400, "Two or more batch entries in the request have the same Id.");
            }
        }
        long total = entries.stream().mapToLong(PublishInput::rawSize).sum();
        if (total > PublishInput.MAX_BYTES) {
            throw new SnsException(
                    "BatchRequestTooLong", 400, "The length of all the messages put together is more than the limit.");
        }
    }
}
