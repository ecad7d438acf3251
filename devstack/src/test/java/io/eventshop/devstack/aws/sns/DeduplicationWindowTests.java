package io.eventshop.devstack.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeduplicationWindowTests {

    private static final Instant PUBLISHED = Instant.parse("2026-11-23T10:15:30.123Z");

    @Test
    void aDeduplicationIdIsRememberedForFiveMinutes() {
        var window = new DeduplicationWindow();
        window.remember("order-1", accepted("m-1", PUBLISHED));

        assertThat(window.find("order-1", PUBLISHED.plusSeconds(299))).isNotNull();
        assertThat(window.find("order-1", PUBLISHED.plusSeconds(300))).isNull();
    }

    @Test
    void theFirstAnswerIsKept() {
        var window = new DeduplicationWindow();
        window.remember("order-1", accepted("m-1", PUBLISHED));
        window.remember("order-1", accepted("m-2", PUBLISHED.plusSeconds(10)));

        assertThat(window.find("order-1", PUBLISHED.plusSeconds(20)).messageId())
                .isEqualTo("m-1");
    }

    @Test
    void anIdSeenAgainAfterItsWindowStartsANewOne() {
        var window = new DeduplicationWindow();
        window.remember("order-1", accepted("m-1", PUBLISHED));
        window.remember("order-1", accepted("m-2", PUBLISHED.plusSeconds(301)));

        assertThat(window.find("order-1", PUBLISHED.plusSeconds(302)).messageId())
                .isEqualTo("m-2");
    }

    @Test
    void expiredIdsAreDroppedOldestFirstAndTheYoungOnesStay() {
        var window = new DeduplicationWindow();
        for (int second = 0; second < 600; second++) {
            window.remember("id-" + second, accepted("m-" + second, PUBLISHED.plusSeconds(second)));
        }

        // At 600 s, the ids of seconds 0 to 300 are five minutes old or more.
        window.forgetBefore(PUBLISHED.plusSeconds(600));

        assertThat(window.size()).isEqualTo(299);
        assertThat(window.find("id-300", PUBLISHED.plusSeconds(600))).isNull();
        assertThat(window.find("id-301", PUBLISHED.plusSeconds(600))).isNotNull();
    }

    @Test
    void rememberingDropsWhatHasExpired() {
        var window = new DeduplicationWindow();
        window.remember("old", accepted("m-1", PUBLISHED));

        window.remember("new", accepted("m-2", PUBLISHED.plusSeconds(300)));

        assertThat(window.size()).isEqualTo(1);
    }

    private static DeduplicationWindow.Accepted accepted(String messageId, Instant at) {
        return new DeduplicationWindow.Accepted(messageId, "1" + messageId.hashCode(), at);
    }
}
