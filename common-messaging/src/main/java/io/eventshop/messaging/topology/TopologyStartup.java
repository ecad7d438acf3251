package io.eventshop.messaging.topology;

import io.eventshop.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Provisions or verifies the topology once all singletons exist. That is before any lifecycle bean starts, so before
 * the SQS listener containers poll their queues; a failure here fails start-up with its message.
 */
final class TopologyStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopologyStartup.class);

    private final TopologyProvisioner provisioner;
    private final Topology topology;
    private final boolean provision;

    TopologyStartup(TopologyProvisioner provisioner, Topology topology, boolean provision) {
        this.provisioner = provisioner;
        this.topology = topology;
        this.provision = provision;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (provision) {
            ProvisioningReport report = provisioner.provision(topology);
            log.info("Provisioned the messaging topology: {}", report);
        } else {
            provisioner.verify(topology);
            log.info("Verified the messaging topology: every resource exists");
        }
    }
}
