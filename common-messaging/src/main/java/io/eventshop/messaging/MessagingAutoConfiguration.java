package io.eventshop.messaging;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.eventshop.messaging.dlq.DeadLetterQueuesConfiguration;
import io.eventshop.messaging.inbox.InboxConfiguration;
import io.eventshop.messaging.listener.ListenerConfiguration;
import io.eventshop.messaging.metrics.CloudWatchMetricsConfiguration;
import io.eventshop.messaging.metrics.QueueMetricsConfiguration;
import io.eventshop.messaging.outbox.OutboxConfiguration;
import io.eventshop.messaging.sealing.Sealer;
import io.eventshop.messaging.sealing.SealingProperties;
import io.eventshop.messaging.tombstone.Tombstones;
import io.eventshop.messaging.topology.TopologyConfiguration;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires eventshop's messaging into a service: the topology (provisioned or verified at start-up), the schema, the
 * outbox and its relay, the inbox, the SQS listener that dispatches to the service's
 * {@link io.eventshop.messaging.listener.EventHandlers}, the {@code /ops/dlq} endpoint, and which meters go to
 * CloudWatch on AWS. Each part has its own
 * configuration class with explicit {@code @Bean} methods; the settings are {@link MessagingProperties}.
 */
@AutoConfiguration(
        after = {
            DataSourceAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            SqsAutoConfiguration.class,
            SnsAutoConfiguration.class
        },
        before = FlywayAutoConfiguration.class)
@EnableConfigurationProperties({MessagingProperties.class, SealingProperties.class})
@Import({
    TopologyConfiguration.class,
    OutboxConfiguration.class,
    InboxConfiguration.class,
    ListenerConfiguration.class,
    DeadLetterQueuesConfiguration.class,
    CloudWatchMetricsConfiguration.class,
    QueueMetricsConfiguration.class,
    io.eventshop.messaging.tracing.TracingConfiguration.class
})
public class MessagingAutoConfiguration {

    @Bean(MessagingSchema.BEAN_NAME)
    MessagingSchema messagingSchema(DataSource dataSource) {
        return new MessagingSchema(dataSource);
    }

    @Bean
    @DependsOn(MessagingSchema.BEAN_NAME)
    Tombstones tombstones(JdbcClient jdbc, Clock clock) {
        return new Tombstones(jdbc, clock);
    }

    /**
     * Created only where a service asks for it (order-service, payment-service), so that the others need no secret; a
     * service that asks for it without the secret set fails to start, saying so.
     */
    @Bean
    @Lazy
    Sealer sealer(SealingProperties properties) {
        return properties.sealer();
    }

    /** The service's own migrations run after the messaging schema, as they may write outbox rows. */
    @Bean
    static BeanFactoryPostProcessor serviceMigrationsAfterMessagingSchema() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(MessagingSchema.BEAN_NAME))
                        .toArray(String[]::new));
            }
        };
    }

    /**
     * The service's schema is not empty when its own migrations first run: the messaging tables are there. So its
     * Flyway baselines at version 0, and applies every one of its migrations from V1.
     */
    @Bean
    FlywayConfigurationCustomizer serviceMigrationsFromAnEmptyBaseline() {
        return configuration -> configuration.baselineOnMigrate(true).baselineVersion("0");
    }

    /** Spring Cloud AWS configures only the asynchronous SQS client; provisioning and DLQ operations are synchronous. */
    @Bean
    @ConditionalOnMissingBean
    SqsClient sqsClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(SqsClient.builder()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
