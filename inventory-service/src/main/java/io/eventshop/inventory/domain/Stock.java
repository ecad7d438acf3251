package io.eventshop.inventory.domain;

import jakarta.persistence.Embeddable;

/**
 * The stock of one product. {@code received} is everything that ever arrived (the initial stock and the restocks);
 * what is neither available nor reserved has left with confirmed orders. Each change returns a new value.
 *
 * @param available units that can be reserved
 * @param reserved units held for orders that are not confirmed yet
 * @param received units received in total
 */
@Embeddable
public record Stock(int available, int reserved, int received) {

    public Stock {
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException(
                    "stock must not be negative, was available " + available + ", reserved " + reserved);
        }
        if (available + reserved > received) {
            throw new IllegalArgumentException(
                    "available " + available + " and reserved " + reserved + " must not exceed received " + received);
        }
    }

    /** A product's first stock: all of it available. */
    public static Stock initial(int quantity) {
        return new Stock(quantity, 0, quantity);
    }

    public boolean canReserve(int quantity) {
        return quantity <= available;
    }

    /** Holds {@code quantity} units for an order: they move from available to reserved. */
    public Stock reserve(int quantity) {
        requirePositive(quantity);
        if (!canReserve(quantity)) {
            throw new InsufficientStockException(quantity, available);
        }
        return new Stock(available - quantity, reserved + quantity, received);
    }

    /** Gives back {@code quantity} reserved units: they become available again. */
    public Stock release(int quantity) {
        requireReserved(quantity);
        return new Stock(available + quantity, reserved - quantity, received);
    }

    /** The order was confirmed: {@code quantity} reserved units leave the stock. */
    public Stock commit(int quantity) {
        requireReserved(quantity);
        return new Stock(available, reserved - quantity, received);
    }

    /** {@code quantity} new units arrived and are available. */
    public Stock restock(int quantity) {
        requirePositive(quantity);
        return new Stock(available + quantity, reserved, received + quantity);
    }

    private void requireReserved(int quantity) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException("cannot take " + quantity + " units out of " + reserved + " reserved");
        }
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }
}
