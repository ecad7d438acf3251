package io.eventshop.messaging.tombstone;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.MessagingIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MessagingIntegrationTest(
        properties = {"eventshop.messaging.service-name=tombstone-tests", "eventshop.messaging.relay.enabled=false"})
class TombstonesIntegrationTests {

    @Autowired
    Tombstones tombstones;

    @Test
    void anOrderIsBuriedOnceAndKeepsItsFirstReason() {
        UUID orderId = UUID.randomUUID();

        assertThat(tombstones.bury(orderId, "customer changed their mind")).isTrue();
        assertThat(tombstones.bury(orderId, "cancelled again")).isFalse();

        assertThat(tombstones.isBuried(orderId)).isTrue();
        assertThat(tombstones.reasonFor(orderId)).contains("customer changed their mind");
    }

    @Test
    void anOrderThatWasNeverCancelledIsNotBuried() {
        UUID buried = UUID.randomUUID();
        tombstones.bury(buried, "cancelled");

        assertThat(tombstones.isBuried(UUID.randomUUID())).isFalse();
        assertThat(tombstones.reasonFor(UUID.randomUUID())).isEmpty();
    }
}
