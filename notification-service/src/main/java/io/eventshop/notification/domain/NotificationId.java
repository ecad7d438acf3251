package io.eventshop.notification.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a notification. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId random() {
        return new NotificationId(UUID.randomUUID());
    }
}
