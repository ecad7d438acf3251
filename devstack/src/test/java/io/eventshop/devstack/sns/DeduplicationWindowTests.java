package io.eventshop.devstack.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeduplicationWindowTests {

    private static final Instant PUBLISHED = Instant.parse("2026-11-23T10:15:30.123Z");

    @Test
    void aDeduplicationIdIsRememberedForFiveMinutes() {
        var window = new DeduplicationWindow();
        window.remember("order-1", new DeduplicationWindow.Accepted("m-1", "10000000000000000001", PUBLISHED));

        window.forgetBefore(PUBLISHED.plusSeconds(299));
        assertThat(window.find("order-1")).isNotNull();

        window.forgetBefore(PUBLISHED.plusSeconds(300));
        assertThat(window.find("order-1")).isNull();
    }

    @Test
    void theFirstAnswerIsKept() {
        var window = new DeduplicationWindow();
        window.remember("order-1", new DeduplicationWindow.Accepted("m-1", "1", PUBLISHED));
        window.remember("order-1", new DeduplicationWindow.Accepted("m-2", "2", PUBLISHED));

        assertThat(window.find("order-1").messageId()).isEqualTo("m-1");
    }
}
