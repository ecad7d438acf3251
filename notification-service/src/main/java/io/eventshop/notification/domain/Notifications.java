package io.eventshop.notification.domain;

import java.util.List;

/** The stored notifications. */
public interface Notifications {

    /**
     * Stores {@code notification} unless one was already stored for its event.
     *
     * @return whether it was stored
     */
    boolean addIfNew(Notification notification);

    /** The notifications of {@code customerId}, newest first. */
    List<Notification> findByCustomerId(String customerId);
}
