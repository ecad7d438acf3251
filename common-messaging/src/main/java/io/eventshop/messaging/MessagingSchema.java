package io.eventshop.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the messaging tables ({@code outbox_event}, {@code inbox_message}) from {@code classpath:db/messaging}, with
 * a history table of its own, {@code flyway_messaging_history}, so that the library's versions never collide with a
 * service's own {@code db/migration}. It runs before the service's migrations, which may write outbox rows (seed
 * data), and before anything uses the tables.
 */
public final class MessagingSchema implements InitializingBean {

    /** The name of this bean, for {@code @DependsOn}. */
    public static final String BEAN_NAME = "messagingSchema";

    private final Flyway flyway;

    public MessagingSchema(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .table("flyway_messaging_history")
                // The schema may already hold the service's tables; version 0 keeps V1 to be applied.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    @Override
    public void afterPropertiesSet() {
        flyway.migrate();
    }
}
