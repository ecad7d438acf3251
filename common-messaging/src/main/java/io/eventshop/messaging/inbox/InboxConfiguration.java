package io.eventshop.messaging.inbox;

import io.eventshop.messaging.MessagingProperties;
import io.eventshop.messaging.MessagingSchema;
import io.eventshop.messaging.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox, in the service's transactions, and the job that forgets events past their retention. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    @DependsOn(MessagingSchema.BEAN_NAME)
    Inbox inbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, MeterRegistry meterRegistry) {
        return new Inbox(jdbc, new TransactionTemplate(transactionManager), meterRegistry);
    }

    @Bean
    PeriodicTask inboxCleanup(Inbox inbox, MessagingProperties properties, Clock clock) {
        MessagingProperties.Inbox settings = properties.inbox();
        return new PeriodicTask(
                "inbox-cleanup",
                settings.cleanupInterval(),
                () -> inbox.deleteReceivedBefore(clock.instant().minus(settings.retention())));
    }
}
