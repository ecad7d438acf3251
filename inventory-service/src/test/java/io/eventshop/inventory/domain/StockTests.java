package io.eventshop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockTests {

    @Test
    void reservingMovesUnitsFromAvailableToReserved() {
        assertThat(Stock.initial(10).reserve(3)).isEqualTo(new Stock(7, 3, 10));
    }

    @Test
    void reservingMoreThanIsAvailableIsRefused() {
        assertThatThrownBy(() -> Stock.initial(2).reserve(3))
                .isInstanceOf(InsufficientStockException.class)
                .hasMessageContaining("only 2 are available");
    }

    @Test
    void releasingMakesReservedUnitsAvailableAgain() {
        assertThat(new Stock(7, 3, 10).release(3)).isEqualTo(Stock.initial(10));
    }

    @Test
    void committingTakesReservedUnitsOutOfTheStockButKeepsWhatWasReceived() {
        assertThat(new Stock(7, 3, 10).commit(3)).isEqualTo(new Stock(7, 0, 10));
    }

    @Test
    void unitsThatAreNotReservedCannotBeReleasedOrCommitted() {
        Stock stock = new Stock(7, 3, 10);

        assertThatThrownBy(() -> stock.release(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stock.commit(4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void restockingAddsToAvailableAndReceived() {
        assertThat(new Stock(7, 3, 10).restock(5)).isEqualTo(new Stock(12, 3, 15));
    }

    @Test
    void quantitiesMustBePositive() {
        assertThatThrownBy(() -> Stock.initial(10).reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stock.initial(10).restock(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void availableAndReservedNeverExceedWhatWasReceived() {
        assertThatThrownBy(() -> new Stock(8, 3, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
