package io.eventshop.inventory.domain;

import static io.eventshop.inventory.domain.TestProducts.aProduct;
import static io.eventshop.inventory.domain.TestProducts.bySku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationTests {

    private static final ShippingAddress BERLIN = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

    private final OrderId orderId = new OrderId(UUID.randomUUID());
    private final Product teapot = aProduct("SKU-1", 10);
    private final Product kettle = aProduct("SKU-2", 1);

    @Test
    void reservingHoldsEveryLine() {
        var attempt = Reservation.reserve(order(line("SKU-1", 3), line("SKU-2", 1)), bySku(teapot, kettle));

        assertThat(attempt).isInstanceOf(ReservationAttempt.Reserved.class);
        Reservation reservation = ((ReservationAttempt.Reserved) attempt).reservation();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(reservation.orderId()).isEqualTo(orderId);
        assertThat(teapot.stock()).isEqualTo(new Stock(7, 3, 10));
        assertThat(kettle.stock()).isEqualTo(new Stock(0, 1, 1));
    }

    @Test
    void aReservationAnnouncesItselfWithTheOrdersCustomerAndAddress() {
        var attempt = Reservation.reserve(order(line("SKU-1", 3)), bySku(teapot));
        Reservation reservation = ((ReservationAttempt.Reserved) attempt).reservation();

        assertThat(reservation.releaseEvents())
                .containsExactly(new ReservationEvent.StockReserved(
                        orderId, reservation.id(), "c-42", List.of(line("SKU-1", 3)), BERLIN));
        assertThat(reservation.releaseEvents()).isEmpty();
    }

    @Test
    void reservingIsAllOrNothing() {
        var attempt = Reservation.reserve(order(line("SKU-1", 3), line("SKU-2", 2)), bySku(teapot, kettle));

        assertThat(attempt).isEqualTo(new ReservationAttempt.Rejected(List.of(new Sku("SKU-2"))));
        assertThat(teapot.stock()).isEqualTo(Stock.initial(10));
        assertThat(kettle.stock()).isEqualTo(Stock.initial(1));
    }

    @Test
    void anUnknownSkuIsUnavailable() {
        var attempt = Reservation.reserve(order(line("SKU-1", 1), line("SKU-404", 1)), bySku(teapot));

        assertThat(attempt).isEqualTo(new ReservationAttempt.Rejected(List.of(new Sku("SKU-404"))));
    }

    @Test
    void linesOfTheSameSkuAreReservedTogether() {
        var attempt = Reservation.reserve(order(line("SKU-2", 1), line("SKU-2", 1)), bySku(kettle));

        assertThat(attempt).isEqualTo(new ReservationAttempt.Rejected(List.of(new Sku("SKU-2"))));
    }

    @Test
    void aRejectionNamesTheUnavailableSkus() {
        assertThat(ReservationEvent.StockReservationFailed.insufficientStock(
                                orderId, List.of(new Sku("SKU-2"), new Sku("SKU-404")))
                        .reason())
                .isEqualTo("insufficient stock of SKU-2, SKU-404");
    }

    @Test
    void releasingGivesTheStockBack() {
        Reservation reservation = reserved(line("SKU-1", 3));

        reservation.release(bySku(teapot), "order cancelled: customer asked");

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(teapot.stock()).isEqualTo(Stock.initial(10));
        assertThat(reservation.releaseEvents())
                .containsExactly(new ReservationEvent.StockReleased(
                        orderId, reservation.id(), "order cancelled: customer asked"));
    }

    @Test
    void committingTakesTheStockOut() {
        Reservation reservation = reserved(line("SKU-1", 3));

        reservation.commit(bySku(teapot));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(teapot.stock()).isEqualTo(new Stock(7, 0, 10));
        assertThat(reservation.releaseEvents()).isEmpty();
    }

    @Test
    void onlyAnActiveReservationCanBeReleasedOrCommitted() {
        Reservation reservation = reserved(line("SKU-1", 3));
        reservation.release(bySku(teapot), "order cancelled");

        assertThatThrownBy(() -> reservation.release(bySku(teapot), "order cancelled"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reservation.commit(bySku(teapot))).isInstanceOf(IllegalStateException.class);
        assertThat(teapot.stock()).isEqualTo(Stock.initial(10));
    }

    private Reservation reserved(ReservationLine... lines) {
        var attempt = Reservation.reserve(order(lines), bySku(teapot, kettle));
        Reservation reservation = ((ReservationAttempt.Reserved) attempt).reservation();
        reservation.releaseEvents();
        return reservation;
    }

    private OrderRequest order(ReservationLine... lines) {
        return new OrderRequest(orderId, "c-42", List.of(lines), BERLIN);
    }

    private static ReservationLine line(String sku, int quantity) {
        return new ReservationLine(new Sku(sku), quantity);
    }
}
