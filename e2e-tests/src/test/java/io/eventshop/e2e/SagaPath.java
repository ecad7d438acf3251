package io.eventshop.e2e;

import static io.eventshop.e2e.OrderRequest.anOrder;

import java.util.List;

/** The ways an order can go, each with the request that takes it there and the status it ends in. */
enum SagaPath {
    HAPPY("CONFIRMED"),
    DECLINED("CANCELLED"),
    INSUFFICIENT_FUNDS("CANCELLED"),
    OUT_OF_STOCK("CANCELLED"),
    UNDELIVERABLE("CANCELLED"),
    /** Undeliverable, paid with a card whose refunds the provider refuses a few times: needs attention, then cancelled. */
    REFUND_REFUSED("CANCELLED"),
    /** Happy, but the customer cancels at once: cancelled if the cancellation was accepted, confirmed if too late. */
    CANCELLED_BY_CUSTOMER("CANCELLED");

    /** The products that happy orders take one of; SKU-1012 is scarce and kept for tests of contention. */
    static final List<String> PLENTIFUL = List.of(
            "SKU-1001",
            "SKU-1002",
            "SKU-1003",
            "SKU-1004",
            "SKU-1005",
            "SKU-1006",
            "SKU-1007",
            "SKU-1008",
            "SKU-1009",
            "SKU-1010",
            "SKU-1011");

    final String outcome;

    SagaPath(String outcome) {
        this.outcome = outcome;
    }

    /** The order for this path; {@code n} spreads the orders over the products. */
    OrderRequest request(int n) {
        String sku = PLENTIFUL.get(Math.floorMod(n, PLENTIFUL.size()));
        return switch (this) {
            case HAPPY, CANCELLED_BY_CUSTOMER -> anOrder().withItem(sku, 1);
            case DECLINED -> anOrder().paidWith("tok_declined").withItem(sku, 1);
            case INSUFFICIENT_FUNDS ->
                anOrder().paidWith("tok_insufficient_funds").withItem(sku, 1);
            case OUT_OF_STOCK -> anOrder().withItem(sku, 1_000);
            case UNDELIVERABLE -> anOrder().shippedTo("AQ").withItem(sku, 1);
            case REFUND_REFUSED ->
                anOrder().paidWith("tok_refund_refused").shippedTo("AQ").withItem(sku, 1);
        };
    }
}
