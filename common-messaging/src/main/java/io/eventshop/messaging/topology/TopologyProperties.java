package io.eventshop.messaging.topology;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How a service brings up the messaging topology at start-up.
 *
 * @param provision {@code true} to create or update the topology's resources (the devstack, docker compose and
 *     tests); {@code false} to only verify that the resources this service uses exist, failing start-up if any is
 *     missing (AWS, where the CDK stack {@code eventshop-messaging} in infra/aws creates them)
 * @param topology where the topology declaration is
 * @param topologyCheck {@code false} to neither provision nor verify at start-up, for an instance that must start
 *     while AWS is unreachable; its relay retries until the resources answer
 */
@ConfigurationProperties("eventshop.messaging")
public record TopologyProperties(
        @DefaultValue("false") boolean provision,
        @DefaultValue("classpath:topology.yaml") Resource topology,
        @DefaultValue("true") boolean topologyCheck) {}
