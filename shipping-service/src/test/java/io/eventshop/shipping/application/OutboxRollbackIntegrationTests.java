package io.eventshop.shipping.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.OutboxRows;
import io.eventshop.shipping.domain.Destination;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Parcel;
import io.eventshop.shipping.testing.ShippingIntegrationTest;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox row and the JPA changes commit together: the shipment (flushed by JPA) and the ShipmentScheduled its
 * mapper adds to the outbox are both visible inside the transaction, and a rollback leaves neither.
 */
@ShippingIntegrationTest
class OutboxRollbackIntegrationTests {

    @Autowired
    ShipmentScheduling scheduling;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRows outbox;

    @Test
    void aRolledBackSchedulingLeavesNeitherTheShipmentNorItsEvent() {
        OrderId orderId = new OrderId(UUID.randomUUID());

        outbox.inATransactionThatRollsBack(() -> {
            scheduling.schedule(
                    orderId,
                    "c-42",
                    new Destination("Ada", "1 Main St", "Berlin", "10115", "DE"),
                    List.of(new Parcel("SKU-1001", 2)));
            entityManager.flush();
            assertThat(shipmentsOf(orderId)).isOne();
            assertThat(outbox.count("ShipmentScheduled", orderId)).isOne();
        });

        assertThat(shipmentsOf(orderId)).isZero();
        assertThat(outbox.count("ShipmentScheduled", orderId)).isZero();
    }

    private long shipmentsOf(OrderId orderId) {
        return jdbc.sql("select count(*) from shipment where order_id = ?")
                .param(orderId.value())
                .query(Long.class)
                .single();
    }
}
