package io.eventshop.notification.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/** The identity of a notification: the {@code @EmbeddedId} of {@link Notification}, in the column {@code id}. */
@Embeddable
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "a notification id needs a value");
    }

    public static NotificationId random() {
        return new NotificationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
