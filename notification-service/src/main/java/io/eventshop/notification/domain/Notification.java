package io.eventshop.notification.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message to a customer about an order, caused by one event ({@code eventId}): one event, one notification. It is
 * written first ({@link #about}), then {@link #sent}, which registers {@link CustomerNotified}
 * ({@link #releaseEvents()}).
 *
 * <p>A JPA entity on the table {@code notification}, which holds only notifications that were sent. It is only ever
 * added, never changed, so it needs no version: nothing can race to update it.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @EmbeddedId
    @AttributeOverride(name = "value", column = @Column(name = "id"))
    private NotificationId id;

    private UUID eventId;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "order_id"))
    private OrderId orderId;

    private String customerId;

    /** The type of the event it tells about, such as {@code OrderConfirmed}. */
    private String type;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private String message;

    private @Nullable Instant sentAt;

    @Transient
    private final List<NotificationEvent> events = new ArrayList<>();

    /** For JPA. */
    protected Notification() {}

    private Notification(
            UUID eventId, OrderId orderId, String customerId, String type, Priority priority, String message) {
        this.id = NotificationId.random();
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = requireText(customerId, "customerId");
        this.type = requireText(type, "type");
        this.priority = Objects.requireNonNull(priority, "priority");
        this.message = requireText(message, "message");
    }

    /** A notification about the event {@code eventId} of type {@code type}, not sent yet. */
    public static Notification about(
            UUID eventId, OrderId orderId, String customerId, String type, Priority priority, String message) {
        return new Notification(eventId, orderId, customerId, type, priority, message);
    }

    /**
     * The notification reached its channel at {@code at}.
     *
     * @throws IllegalStateException if it was sent before
     */
    public void sent(Instant at) {
        if (sentAt != null) {
            throw new IllegalStateException("notification " + id + " was sent at " + sentAt);
        }
        sentAt = Objects.requireNonNull(at, "at");
        events.add(new CustomerNotified(id, orderId, customerId, type, priority));
    }

    /** The events registered since the last call, oldest first; the notification forgets them. */
    public List<NotificationEvent> releaseEvents() {
        List<NotificationEvent> released = List.copyOf(events);
        events.clear();
        return released;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public NotificationId id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public OrderId orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String type() {
        return type;
    }

    public Priority priority() {
        return priority;
    }

    public String message() {
        return message;
    }

    /** When it was sent; null only before {@link #sent}, and every stored notification was sent. */
    public @Nullable Instant sentAt() {
        return sentAt;
    }
}
