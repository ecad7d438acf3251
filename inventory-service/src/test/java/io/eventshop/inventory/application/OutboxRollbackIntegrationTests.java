package io.eventshop.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.inventory.domain.Money;
import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.OrderRequest;
import io.eventshop.inventory.domain.ReservationLine;
import io.eventshop.inventory.domain.ShippingAddress;
import io.eventshop.inventory.domain.Sku;
import io.eventshop.inventory.testing.InventoryIntegrationTest;
import io.eventshop.messaging.testing.OutboxRows;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox row and the JPA changes commit together: a use case's aggregate changes (flushed by JPA) and the events
 * its mapper adds to the outbox are both visible inside the transaction, and a rollback leaves neither.
 */
@InventoryIntegrationTest
class OutboxRollbackIntegrationTests {

    @Autowired
    Catalogue catalogue;

    @Autowired
    StockReservations reservations;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRows outbox;

    @Test
    void aRolledBackRepriceLeavesNeitherTheNewPriceNorItsEvent() {
        long eventsBefore = outbox.count("ProductPriceChanged", "SKU-1005");

        outbox.inATransactionThatRollsBack(() -> {
            catalogue.reprice(new Sku("SKU-1005"), Money.euros("1.23"));
            entityManager.flush();
            assertThat(priceOf("SKU-1005")).isEqualByComparingTo("1.23");
            assertThat(outbox.count("ProductPriceChanged", "SKU-1005")).isEqualTo(eventsBefore + 1);
        });

        assertThat(priceOf("SKU-1005")).isEqualByComparingTo("24.90");
        assertThat(outbox.count("ProductPriceChanged", "SKU-1005")).isEqualTo(eventsBefore);
    }

    @Test
    void aRolledBackReservationLeavesNeitherTheReservationNorTheStockNorItsEvent() {
        OrderId orderId = new OrderId(UUID.randomUUID());
        OrderRequest request = new OrderRequest(
                orderId,
                "c-42",
                List.of(new ReservationLine(new Sku("SKU-1006"), 2)),
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));

        outbox.inATransactionThatRollsBack(() -> {
            reservations.remember(request);
            reservations.reserve(orderId);
            entityManager.flush();
            assertThat(reservationsOf(orderId)).isOne();
            assertThat(reservedOf("SKU-1006")).isEqualTo(2);
            assertThat(outbox.count("StockReserved", orderId.toString())).isOne();
        });

        assertThat(reservationsOf(orderId)).isZero();
        assertThat(reservedOf("SKU-1006")).isZero();
        assertThat(outbox.count("StockReserved", orderId.toString())).isZero();
    }

    private BigDecimal priceOf(String sku) {
        return jdbc.sql("select price from product where sku = ?")
                .param(sku)
                .query(BigDecimal.class)
                .single();
    }

    private int reservedOf(String sku) {
        return jdbc.sql("select reserved from product where sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
    }

    private long reservationsOf(OrderId orderId) {
        return jdbc.sql("select count(*) from reservation where order_id = ?")
                .param(orderId.value())
                .query(Long.class)
                .single();
    }
}
