package io.eventshop.notification.persistence;

import io.eventshop.notification.domain.Notification;
import io.eventshop.notification.domain.NotificationId;
import io.eventshop.notification.domain.Notifications;
import io.eventshop.notification.domain.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications, in table {@code notification}. */
@Repository
class JdbcNotifications implements Notifications {

    private final JdbcClient jdbc;

    JdbcNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean addIfNew(Notification notification) {
        return jdbc.sql("""
                        insert into notification (id, event_id, order_id, customer_id, type, priority, message, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id) do nothing""")
                        .params(
                                notification.id().value(),
                                notification.eventId(),
                                notification.orderId(),
                                notification.customerId(),
                                notification.type(),
                                notification.priority().name(),
                                notification.message(),
                                Timestamp.from(notification.sentAt()))
                        .update()
                == 1;
    }

    @Override
    public List<Notification> findByCustomerId(String customerId) {
        return jdbc.sql("select * from notification where customer_id = ? order by sent_at desc, id")
                .param(customerId)
                .query(JdbcNotifications::map)
                .list();
    }

    private static Notification map(ResultSet row, int rowNum) throws SQLException {
        return new Notification(
                new NotificationId(row.getObject("id", UUID.class)),
                row.getObject("event_id", UUID.class),
                row.getObject("order_id", UUID.class),
                row.getString("customer_id"),
                row.getString("type"),
                Priority.valueOf(row.getString("priority")),
                row.getString("message"),
                row.getTimestamp("sent_at").toInstant());
    }
}
