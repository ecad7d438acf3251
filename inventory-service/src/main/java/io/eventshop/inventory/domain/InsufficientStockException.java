package io.eventshop.inventory.domain;

/** More units were asked for than are available. */
public class InsufficientStockException extends IllegalStateException {

    public InsufficientStockException(int requested, int available) {
        super("cannot reserve " + requested + " units, only " + available + " are available");
    }
}
