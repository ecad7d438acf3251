package io.eventshop.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.tracing.MessageHandlingSpans.Delivery;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Where a received message carries its trace context, for each way a message reaches a queue. */
class DeliveryTests {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String ENVELOPE = """
            {"eventId":"5f0c6a53-6a67-4bb8-9d43-0e0e6f1a1c11","eventType":"OrderConfirmed","orderId":"o-1","data":{}}""";

    @Test
    void snsRawDeliveryCarriesItInTheMessageAttributes() {
        Message message = Message.builder()
                .body(ENVELOPE)
                .messageAttributes(Map.of(
                        "traceparent", text(TRACEPARENT),
                        "eventType", text("OrderConfirmed"),
                        "orderId", text("o-1")))
                .build();

        assertThat(Delivery.of(message)).isEqualTo(new Delivery(TRACEPARENT, "OrderConfirmed", "o-1"));
    }

    @Test
    void anEventBridgeEventCarriesItInTheEnvelopeInItsDetail() {
        String event =
                """
                {"version":"0","detail-type":"OrderConfirmed","source":"eventshop.order-service","detail":%s}""".formatted(ENVELOPE.replace("\"data\":{}", "\"data\":{},\"traceparent\":\"" + TRACEPARENT + "\""));

        assertThat(Delivery.of(Message.builder().body(event).build()))
                .isEqualTo(new Delivery(TRACEPARENT, "OrderConfirmed", "o-1"));
    }

    @Test
    void anSnsNotificationCarriesItInItsMessageAttributes() {
        String notification = """
                {"Type":"Notification","Message":"{}","MessageAttributes":{
                  "traceparent":{"Type":"String","Value":"%s"},"eventType":{"Type":"String","Value":"OrderConfirmed"}}}""".formatted(TRACEPARENT);

        assertThat(Delivery.ofBody(notification)).isEqualTo(new Delivery(TRACEPARENT, "OrderConfirmed", null));
    }

    @Test
    void aMessageWithoutAContextHasNoneAndABrokenBodySaysNothing() {
        assertThat(Delivery.ofBody(ENVELOPE)).isEqualTo(new Delivery(null, "OrderConfirmed", "o-1"));
        assertThat(Delivery.ofBody("{\"eventType\": \"PaymentAuthorized\", \"broken\""))
                .isEqualTo(new Delivery(null, null, null));
        assertThat(Delivery.ofBody("[1, 2]")).isEqualTo(new Delivery(null, null, null));
        assertThat(Delivery.of(null)).isEqualTo(new Delivery(null, null, null));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
