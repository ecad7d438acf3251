package io.eventshop.notification.persistence;

import io.eventshop.notification.application.Notifications;
import io.eventshop.notification.domain.Notification;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Repository;

/**
 * The notifications, stored with JPA on {@code notification}. A notification is only ever added: it is persisted,
 * which inserts it at once, where Spring Data's {@code save} would first look for an entity with its (assigned) id.
 */
@Repository
class JpaNotifications implements Notifications {

    private final NotificationRepository repository;
    private final EntityManager entityManager;

    JpaNotifications(NotificationRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    @Override
    public void add(Notification notification) {
        entityManager.persist(notification);
    }

    @Override
    public List<Notification> findByCustomerId(String customerId) {
        return repository.findByCustomerId(customerId);
    }
}
