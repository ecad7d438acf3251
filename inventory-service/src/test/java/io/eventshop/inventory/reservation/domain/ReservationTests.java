package io.eventshop.inventory.reservation.domain;

import static io.eventshop.inventory.catalog.domain.TestProducts.aProduct;
import static io.eventshop.inventory.catalog.domain.TestProducts.bySku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.inventory.catalog.domain.Product;
import io.eventshop.inventory.catalog.domain.Sku;
import io.eventshop.inventory.catalog.domain.Stock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationTests {

    private final UUID orderId = UUID.randomUUID();
    private final Product teapot = aProduct("SKU-1", 10);
    private final Product kettle = aProduct("SKU-2", 1);

    @Test
    void reservingHoldsEveryLine() {
        var attempt = Reservation.reserve(orderId, List.of(line("SKU-1", 3), line("SKU-2", 1)), bySku(teapot, kettle));

        assertThat(attempt).isInstanceOf(ReservationAttempt.Reserved.class);
        Reservation reservation = ((ReservationAttempt.Reserved) attempt).reservation();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(reservation.orderId()).isEqualTo(orderId);
        assertThat(teapot.stock()).isEqualTo(new Stock(7, 3, 10));
        assertThat(kettle.stock()).isEqualTo(new Stock(0, 1, 1));
    }

    @Test
    void reservingIsAllOrNothing() {
        var attempt = Reservation.reserve(orderId, List.of(line("SKU-1", 3), line("SKU-2", 2)), bySku(teapot, kettle));

        assertThat(attempt).isEqualTo(new ReservationAttempt.Rejected(List.of(new Sku("SKU-2"))));
        assertThat(teapot.stock()).isEqualTo(Stock.initial(10));
        assertThat(kettle.stock()).isEqualTo(Stock.initial(1));
    }

    @Test
    void anUnknownSkuIsUnavailable() {
        var attempt = Reservation.reserve(orderId, List.of(line("SKU-1", 1), line("SKU-404", 1)), bySku(teapot));

        assertThat(attempt).isEqualTo(new ReservationAttempt.Rejected(List.of(new Sku("SKU-404"))));
    }

    @Test
    void linesOfTheSameSkuAreReservedTogether() {
        var attempt = Reservation.reserve(orderId, List.of(line("SKU-2", 1), line("SKU-2", 1)), bySku(kettle));

        assertThat(attempt).isEqualTo(new ReservationAttempt.Rejected(List.of(new Sku("SKU-2"))));
    }

    @Test
    void releasingGivesTheStockBack() {
        Reservation reservation = reserved(line("SKU-1", 3));

        reservation.release(bySku(teapot));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(teapot.stock()).isEqualTo(Stock.initial(10));
    }

    @Test
    void committingTakesTheStockOut() {
        Reservation reservation = reserved(line("SKU-1", 3));

        reservation.commit(bySku(teapot));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(teapot.stock()).isEqualTo(new Stock(7, 0, 10));
    }

    @Test
    void onlyAnActiveReservationCanBeReleasedOrCommitted() {
        Reservation reservation = reserved(line("SKU-1", 3));
        reservation.release(bySku(teapot));

        assertThatThrownBy(() -> reservation.release(bySku(teapot))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reservation.commit(bySku(teapot))).isInstanceOf(IllegalStateException.class);
        assertThat(teapot.stock()).isEqualTo(Stock.initial(10));
    }

    private Reservation reserved(ReservationLine... lines) {
        var attempt = Reservation.reserve(orderId, List.of(lines), bySku(teapot, kettle));
        return ((ReservationAttempt.Reserved) attempt).reservation();
    }

    private static ReservationLine line(String sku, int quantity) {
        return new ReservationLine(new Sku(sku), quantity);
    }
}
