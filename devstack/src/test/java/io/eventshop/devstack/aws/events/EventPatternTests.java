package io.eventshop.devstack.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Patterns match the event as a tree, parsed once per PutEvents entry, as they matched its text before. */
class EventPatternTests {

    private static final EventPattern HIGH_VALUE = EventPattern.compile("""
            {"detail-type": ["OrderPlaced"],
             "detail": {"$or": [{"data": {"totalAmount": [{"numeric": [">", 100]}]}},
                                {"data": {"customerId": [{"prefix": "premium-"}]}}]}}
            """);

    @Test
    void numbersPrefixesAndOrMatchOnTheTree() {
        assertThat(HIGH_VALUE.matches(event("OrderPlaced", "c-1", "100.50"))).isTrue();
        assertThat(HIGH_VALUE.matches(event("OrderPlaced", "premium-7", "5"))).isTrue();
        assertThat(HIGH_VALUE.matches(event("OrderPlaced", "c-1", "100"))).isFalse();
        assertThat(HIGH_VALUE.matches(event("OrderConfirmed", "premium-7", "500")))
                .isFalse();
    }

    @Test
    void aNumberInAStringIsNoNumber() {
        JsonNode quoted = tree("""
                {"detail-type": "OrderPlaced", "detail": {"data": {"customerId": "c-1", "totalAmount": "500"}}}
                """);

        assertThat(HIGH_VALUE.matches(quoted)).isFalse();
    }

    private static JsonNode event(String type, String customerId, String total) {
        return tree("""
                {"detail-type": "%s", "detail": {"data": {"customerId": "%s", "totalAmount": %s}}}
                """.formatted(type, customerId, total));
    }

    private static JsonNode tree(String json) {
        try {
            return AwsJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
