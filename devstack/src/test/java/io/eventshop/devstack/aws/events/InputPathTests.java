package io.eventshop.devstack.aws.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InputPathTests {

    private static final String EVENT = "{\"id\":\"e-1\",\"detail-type\":\"OrderPlaced\","
            + "\"detail\":{\"orderId\":\"o-1\",\"total\":42,\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}}";

    private static String select(String path) {
        var routed = new RoutedEvent((ObjectNode) EventBridgeFixture.json(EVENT), EVENT, "r", "arn", Instant.now());
        return new InputPath(EventPath.parse(path)).render(routed);
    }

    @Test
    void theRootIsTheWholeEvent() {
        assertThat(EventBridgeFixture.json(select("$"))).isEqualTo(EventBridgeFixture.json(EVENT));
    }

    @Test
    void anObjectComesOutAsJson() {
        assertThat(select("$.detail"))
                .isEqualTo("{\"orderId\":\"o-1\",\"total\":42,\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}");
    }

    @Test
    void aStringComesOutQuotedAndANumberAsItIs() {
        assertThat(select("$.detail.orderId")).isEqualTo("\"o-1\"");
        assertThat(select("$.detail.total")).isEqualTo("42");
        assertThat(select("$.detail-type")).isEqualTo("\"OrderPlaced\"");
    }

    @Test
    void indexesAndQuotedNamesStepIntoArraysAndOddKeys() {
        assertThat(select("$.detail.items[1].sku")).isEqualTo("\"B\"");
        assertThat(select("$['detail']['orderId']")).isEqualTo("\"o-1\"");
    }

    @Test
    void aPathTheEventLacksGivesNull() {
        assertThat(select("$.detail.absent.deeper")).isEqualTo("null");
        assertThat(select("$.detail.items[5]")).isEqualTo("null");
    }

    @Test
    void aPathMustStartAtTheRoot() {
        assertThatThrownBy(() -> EventPath.parse("detail.orderId")).isInstanceOf(EventBridgeException.class);
        assertThatThrownBy(() -> EventPath.parse("$.")).isInstanceOf(EventBridgeException.class);
        assertThatThrownBy(() -> EventPath.parse("$[x]")).isInstanceOf(EventBridgeException.class);
    }
}
