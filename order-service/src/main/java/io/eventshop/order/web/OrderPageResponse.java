package io.eventshop.order.web;

import io.eventshop.order.application.Orders;
import java.util.List;

/** One page of {@code GET /orders}. */
record OrderPageResponse(List<OrderResponse> content, int page, int size, long totalElements, long totalPages) {

    static OrderPageResponse of(Orders.OrderPage page) {
        return new OrderPageResponse(
                page.orders().stream().map(OrderResponse::of).toList(),
                page.page(),
                page.size(),
                page.totalElements(),
                (page.totalElements() + page.size() - 1) / page.size());
    }
}
