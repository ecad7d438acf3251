package io.eventshop.messaging.topology;

import io.eventshop.topology.Topology;
import java.util.UUID;

/** Small topologies with names unique to one test, so tests can share one endpoint without colliding. */
public final class TestTopologies {

    private TestTopologies() {}

    /** A unique suffix for resource names. */
    public static String uniqueId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A FIFO queue consumed by {@code fifo-<id>} and a standard queue consumed by {@code standard-<id>}, with DLQs. */
    public static Topology queues(String id) {
        return Topology.parse("""
                queues:
                  - name: fifo-%1$s.fifo
                    consumer: fifo-%1$s
                    fifo: true
                    deduplicationScope: messageGroup
                    fifoThroughputLimit: perMessageGroupId
                    visibilityTimeoutSeconds: 60
                    receiveWaitTimeSeconds: 20
                    messageRetentionSeconds: 345600
                    deadLetterQueue:
                      name: fifo-%1$s-dlq.fifo
                      maxReceiveCount: 3
                      messageRetentionSeconds: 1209600
                  - name: standard-%1$s
                    consumer: standard-%1$s
                    fifo: false
                    visibilityTimeoutSeconds: 60
                    receiveWaitTimeSeconds: 20
                    messageRetentionSeconds: 345600
                    deadLetterQueue:
                      name: standard-%1$s-dlq
                      maxReceiveCount: 3
                      messageRetentionSeconds: 1209600
                """.formatted(id));
    }
}
