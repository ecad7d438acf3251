package io.eventshop.notification.persistence;

import io.eventshop.notification.domain.Notification;
import io.eventshop.notification.domain.NotificationId;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The Spring Data JPA repository of the notifications. */
interface NotificationRepository extends JpaRepository<Notification, NotificationId> {

    /** A customer's notifications, newest first (index {@code notification_customer}). */
    @Query("select n from Notification n where n.customerId = :customerId order by n.sentAt desc, n.id.value")
    List<Notification> findByCustomerId(String customerId);
}
