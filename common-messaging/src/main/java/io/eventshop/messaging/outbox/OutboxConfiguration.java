package io.eventshop.messaging.outbox;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.eventshop.events.EventJson;
import io.eventshop.messaging.MessagingProperties;
import io.eventshop.messaging.MessagingSchema;
import io.eventshop.messaging.PeriodicTask;
import io.eventshop.messaging.tracing.MessageTracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The outbox and its relay: the relay publishes to the SNS topic and the EventBridge bus named in
 * {@link MessagingProperties}, with the AWS clients that Spring Cloud AWS configures ({@code spring.cloud.aws.*}).
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    @DependsOn(MessagingSchema.BEAN_NAME)
    OutboxRepository outboxRepository(JdbcClient jdbc) {
        return new OutboxRepository(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    Outbox outbox(
            OutboxRepository repository,
            EventJson json,
            MessageTracing tracing,
            ObjectProvider<OutboxRelay> relay,
            MessagingProperties properties,
            Clock clock) {
        // Without a relay in this instance, a commit wakes nothing: another instance's relay polls.
        Runnable wakeUpRelay = () -> relay.ifAvailable(OutboxRelay::wakeUp);
        return new Outbox(repository, json, tracing, wakeUpRelay, properties.serviceName(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EventBridgeClient eventBridgeClient(AwsClientBuilderConfigurer configurer) {
        return configurer.configure(EventBridgeClient.builder()).build();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "eventshop.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(
            DataSource dataSource,
            OutboxRepository repository,
            SnsClient sns,
            EventBridgeClient eventBridge,
            MeterRegistry meterRegistry,
            MessageTracing tracing,
            MessagingProperties properties,
            Clock clock) {
        MessagingProperties.Relay relay = properties.relay();
        return new OutboxRelay(
                new RelayLeadership(dataSource, properties.serviceName()),
                repository,
                List.of(
                        new SnsEventPublisher(sns, properties.topicName(), properties.topicArn()),
                        new EventBridgeEventPublisher(eventBridge, properties.eventBus())),
                new OutboxMetrics(meterRegistry, clock),
                tracing,
                new Backoff(relay.initialBackoff(), relay.maxBackoff()),
                relay.pollInterval(),
                relay.batchSize(),
                relay.maxInFlight());
    }

    @Bean
    PeriodicTask outboxCleanup(OutboxRepository repository, MessagingProperties properties, Clock clock) {
        MessagingProperties.Relay relay = properties.relay();
        return new PeriodicTask(
                "outbox-cleanup",
                relay.cleanupInterval(),
                () -> repository.deletePublishedBefore(clock.instant().minus(relay.retention())));
    }
}
