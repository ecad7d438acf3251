package io.eventshop.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.notification.NotificationServiceIntegrationTest;
import io.eventshop.notification.application.CustomerMessage;
import io.eventshop.notification.application.CustomerNotifications;
import io.eventshop.notification.application.Notifications;
import io.eventshop.notification.domain.Notification;
import io.eventshop.notification.domain.OrderId;
import io.eventshop.notification.domain.Priority;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications in PostgreSQL through JPA: a notification commits with the outbox row of its CustomerNotified, or
 * neither does; and a customer's notifications are read newest first.
 */
@NotificationServiceIntegrationTest
class NotificationPersistenceIntegrationTests {

    @Autowired
    CustomerNotifications customerNotifications;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRolledBackNotificationLeavesNeitherItselfNorItsCustomerNotifiedBehind() {
        String forgotten = aCustomer();
        String notified = aCustomer();
        var inOneTransaction = new TransactionTemplate(transactions);

        inOneTransaction.executeWithoutResult(status -> {
            customerNotifications.notify(confirmationFor(forgotten), UUID.randomUUID());
            status.setRollbackOnly();
        });
        inOneTransaction.executeWithoutResult(
                status -> customerNotifications.notify(confirmationFor(notified), UUID.randomUUID()));

        assertThat(notifications.findByCustomerId(forgotten)).isEmpty();
        assertThat(customerNotifiedEventsFor(forgotten)).isZero();
        assertThat(notifications.findByCustomerId(notified)).hasSize(1);
        assertThat(customerNotifiedEventsFor(notified)).isOne();
    }

    @Test
    void aCustomersNotificationsAreReadNewestFirst() {
        String customer = aCustomer();
        CustomerMessage first = confirmationFor(customer);
        CustomerMessage second = confirmationFor(customer);

        customerNotifications.notify(first, UUID.randomUUID());
        customerNotifications.notify(second, UUID.randomUUID());

        assertThat(notifications.findByCustomerId(customer))
                .extracting(Notification::orderId)
                .containsExactly(second.orderId(), first.orderId());
    }

    private static String aCustomer() {
        return "c-" + UUID.randomUUID();
    }

    private static CustomerMessage confirmationFor(String customerId) {
        return new CustomerMessage(
                new OrderId(UUID.randomUUID()), customerId, "OrderConfirmed", Priority.NORMAL, "Confirmed.");
    }

    /** The CustomerNotified events in the outbox whose envelope names {@code customerId}. */
    private long customerNotifiedEventsFor(String customerId) {
        return jdbc.sql("select count(*) from outbox_event where event_type = 'CustomerNotified' and payload like ?")
                .param("%" + customerId + "%")
                .query(Long.class)
                .single();
    }
}
