package io.eventshop.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    private final OrderId orderId = new OrderId(UUID.randomUUID());

    @Test
    void aNotificationRegistersCustomerNotifiedOnceWhenItIsSent() {
        Notification notification = aNotification();
        assertThat(notification.releaseEvents()).isEmpty();

        notification.sent(NOW);

        assertThat(notification.sentAt()).isEqualTo(NOW);
        assertThat(notification.releaseEvents())
                .containsExactly(
                        new CustomerNotified(notification.id(), orderId, "c-42", "OrderConfirmed", Priority.NORMAL));
        assertThat(notification.releaseEvents()).isEmpty();
    }

    @Test
    void aNotificationIsSentOnce() {
        Notification notification = aNotification();
        notification.sent(NOW);

        assertThatIllegalStateException().isThrownBy(() -> notification.sent(NOW.plusSeconds(1)));
    }

    @Test
    void aNotificationNeedsACustomerATypeAndAMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Notification.about(
                        UUID.randomUUID(), orderId, " ", "OrderConfirmed", Priority.NORMAL, "confirmed"))
                .withMessageContaining("customerId");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Notification.about(UUID.randomUUID(), orderId, "c-42", "", Priority.NORMAL, "confirmed"))
                .withMessageContaining("type");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        Notification.about(UUID.randomUUID(), orderId, "c-42", "OrderConfirmed", Priority.NORMAL, ""))
                .withMessageContaining("message");
    }

    private Notification aNotification() {
        return Notification.about(
                UUID.randomUUID(), orderId, "c-42", "OrderConfirmed", Priority.NORMAL, "Your order is confirmed.");
    }
}
