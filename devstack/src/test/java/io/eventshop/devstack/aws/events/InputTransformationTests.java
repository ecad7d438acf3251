package io.eventshop.devstack.aws.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InputTransformationTests {

    private static final String EVENT = "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"OrderPlaced\","
            + "\"source\":\"shop.orders\",\"detail\":{\"orderId\":\"o-1\",\"total\":42.5,\"paid\":true,"
            + "\"note\":\"say \\\"hi\\\"\",\"items\":[{\"sku\":\"A\"}],\"customer\":{\"id\":7}}}";

    private static final RoutedEvent ROUTED = new RoutedEvent(
            (ObjectNode) EventBridgeFixture.json(EVENT),
            EVENT,
            "orders-rule",
            "arn:aws:events:us-east-1:000000000000:rule/orders-rule",
            Instant.parse("2024-05-01T10:20:30.123456Z"));

    private static String transform(String pathsMap, String template) {
        ObjectNode transformer = AwsJson.MAPPER.createObjectNode().put("InputTemplate", template);
        transformer.set("InputPathsMap", EventBridgeFixture.json(pathsMap));
        return InputTransformation.of(transformer).render(ROUTED);
    }

    @Test
    void valuesOutsideStringsGoInAsJson() {
        assertThat(transform(
                        "{\"id\":\"$.detail.orderId\",\"total\":\"$.detail.total\",\"customer\":\"$.detail.customer\","
                                + "\"paid\":\"$.detail.paid\"}",
                        "{\"id\": <id>, \"total\": <total>, \"customer\": <customer>, \"paid\": <paid>}"))
                .isEqualTo("{\"id\": \"o-1\", \"total\": 42.5, \"customer\": {\"id\":7}, \"paid\": true}");
    }

    @Test
    void stringValuesInsideStringsGoInWithoutQuotesAndEscaped() {
        assertThat(transform(
                        "{\"id\":\"$.detail.orderId\",\"note\":\"$.detail.note\"}",
                        "{\"text\": \"order <id>: <note>\"}"))
                .isEqualTo("{\"text\": \"order o-1: say \\\"hi\\\"\"}");
    }

    @Test
    void aTemplateThatIsNotJsonIsText() {
        assertThat(transform("{\"note\":\"$.detail.note\"}", "Note: <note>")).isEqualTo("Note: say \"hi\"");
    }

    @Test
    void aQuotedTemplateIsAJsonString() {
        assertThat(transform("{\"id\":\"$.detail.orderId\"}", "\"Order <id> placed\""))
                .isEqualTo("\"Order o-1 placed\"");
    }

    @Test
    void missingValuesAreNullOrEmpty() {
        assertThat(transform("{\"x\":\"$.detail.absent\"}", "{\"x\": <x>, \"y\": \"[<x>]\"}"))
                .isEqualTo("{\"x\": null, \"y\": \"[]\"}");
    }

    @Test
    void predefinedVariablesNameTheRuleTheIngestionTimeAndTheEvent() {
        assertThat(transform(
                        "{}",
                        "{\"rule\": \"<aws.events.rule-name>\", \"arn\": \"<aws.events.rule-arn>\", "
                                + "\"at\": \"<aws.events.event.ingestion-time>\"}"))
                .isEqualTo(
                        "{\"rule\": \"orders-rule\", \"arn\": \"arn:aws:events:us-east-1:000000000000:rule/orders-rule\", "
                                + "\"at\": \"2024-05-01T10:20:30.123Z\"}");
        assertThat(EventBridgeFixture.json(transform("{}", "{\"event\": <aws.events.event>}"))
                        .path("event"))
                .isEqualTo(EventBridgeFixture.json(EVENT));
        assertThat(EventBridgeFixture.json(transform("{}", "{\"event\": \"<aws.events.event.json>\"}"))
                        .path("event")
                        .asText())
                .isEqualTo(EVENT);
    }

    @Test
    void placeholdersThatNameNoVariableAreLeftAlone() {
        assertThat(transform("{\"id\":\"$.detail.orderId\"}", "<b><id></b>")).isEqualTo("<b>o-1</b>");
    }

    @Test
    void arrayIndexesAndEscapedQuotesInTheTemplateAreUnderstood() {
        assertThat(transform("{\"sku\":\"$.detail.items[0].sku\"}", "{\"q\": \"a \\\"<sku>\\\" b\", \"s\": <sku>}"))
                .isEqualTo("{\"q\": \"a \\\"A\\\" b\", \"s\": \"A\"}");
    }

    @Test
    void aTransformerNeedsATemplateAndValidPaths() {
        assertThatThrownBy(() -> InputTransformation.of(AwsJson.MAPPER.createObjectNode()))
                .isInstanceOf(EventBridgeException.class);
        assertThatThrownBy(() -> transform("{\"x\":\"detail.x\"}", "<x>"))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("detail.x");
        assertThatThrownBy(() -> transform("{\"aws.events.rule-name\":\"$.detail\"}", "<x>"))
                .isInstanceOf(EventBridgeException.class);
    }
}
