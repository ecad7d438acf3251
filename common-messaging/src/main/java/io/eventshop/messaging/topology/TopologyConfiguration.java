package io.eventshop.messaging.topology;

import io.eventshop.messaging.MessagingProperties;
import io.eventshop.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Reads the topology and, at start-up, provisions it ({@code eventshop.messaging.provision=true}) or verifies the part
 * of it that the service uses ({@link TopologyStartup}); with
 * {@code eventshop.messaging.topology-check=false} it does neither, for an instance that must start while AWS is
 * unreachable (its relay retries until the resources answer).
 * Needs {@link SqsClient}, {@link SnsClient} and {@link EventBridgeClient} beans for the service's AWS endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TopologyProperties.class, MessagingProperties.class})
public class TopologyConfiguration {

    @Bean
    Topology topology(TopologyProperties properties) {
        try {
            return Topology.read(properties.topology().getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the messaging topology from " + properties.topology(), e);
        }
    }

    @Bean
    TopologyProvisioner topologyProvisioner(SqsClient sqs, SnsClient sns, EventBridgeClient events) {
        return new TopologyProvisioner(sqs, sns, events);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "eventshop.messaging.topology-check", matchIfMissing = true)
    SmartInitializingSingleton topologyStartup(
            TopologyProvisioner provisioner,
            Topology topology,
            TopologyProperties properties,
            MessagingProperties messaging) {
        return new TopologyStartup(provisioner, topology, properties.provision(), messaging);
    }
}
