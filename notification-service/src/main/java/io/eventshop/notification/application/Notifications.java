package io.eventshop.notification.application;

import io.eventshop.notification.domain.Notification;
import java.util.List;

/** The stored notifications. */
public interface Notifications {

    /** Stores a new notification. */
    void add(Notification notification);

    /** The notifications of {@code customerId}, newest first. */
    List<Notification> findByCustomerId(String customerId);
}
