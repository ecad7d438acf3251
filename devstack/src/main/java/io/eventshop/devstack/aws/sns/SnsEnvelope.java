package io.eventshop.devstack.aws.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The JSON body an SQS queue receives from a subscription without raw delivery. FIFO topics leave out the
 * signature fields and add the sequence number. The signature is a stand-in: nothing local holds SNS's key.
 */
final class SnsEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SnsEnvelope() {}

    /**
     * @param endpointUrl where the subscriber can reach this endpoint, for the UnsubscribeURL
     */
    static String of(Notification notification, Subscription subscription, String endpointUrl, String region) {
        boolean fifo = notification.sequenceNumber() != null;
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", notification.messageId());
        if (fifo) {
            envelope.put("SequenceNumber", notification.sequenceNumber());
        }
        envelope.put("TopicArn", notification.topicArn());
        if (notification.subject() != null) {
            envelope.put("Subject", notification.subject());
        }
        envelope.put("Message", notification.message());
        envelope.put("Timestamp", TIMESTAMP.format(notification.timestamp()));
        if (!fifo) {
            envelope.put("SignatureVersion", "1");
            envelope.put("Signature", signature(notification));
            envelope.put(
                    "SigningCertURL",
                    "https://sns." + region
                            + ".amazonaws.com/SimpleNotificationService-0000000000000000000000000000000.pem");
        }
        envelope.put(
                "UnsubscribeURL",
                endpointUrl + "/?Action=Unsubscribe&SubscriptionArn="
                        + URLEncoder.encode(subscription.arn(), StandardCharsets.UTF_8));
        if (!notification.attributes().isEmpty()) {
            ObjectNode attributes = envelope.putObject("MessageAttributes");
            notification.attributes().forEach((name, attribute) -> attributes
                    .putObject(name)
                    .put("Type", attribute.dataType())
                    .put("Value", attribute.displayValue()));
        }
        return envelope.toString();
    }

    private static String signature(Notification notification) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((notification.messageId() + notification.message()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
