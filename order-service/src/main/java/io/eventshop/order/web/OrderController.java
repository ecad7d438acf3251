package io.eventshop.order.web;

import io.eventshop.messaging.tracing.MessageTracing;
import io.eventshop.order.application.OrderService;
import io.eventshop.order.application.UnknownSkusException;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders API. Placing and cancelling answer 202 Accepted: the saga goes on after the response, and
 * {@code GET /orders/{id}} follows it.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

    /** Set on the answer to a retry that an Idempotency-Key matched with the order it placed first. */
    static final String REPLAYED = "Idempotent-Replayed";

    /** The id of the trace that a request started, which the saga it sets off continues: the order's, when placed. */
    static final String TRACE_ID = "X-Trace-Id";

    private final OrderService orders;
    private final MessageTracing tracing;

    OrderController(OrderService orders, MessageTracing tracing) {
        this.orders = orders;
        this.tracing = tracing;
    }

    /**
     * Places an order: 202 with its Location. A retry with the same Idempotency-Key and body answers the same 202 with
     * the first order (and {@code Idempotent-Replayed: true}); the same key with another body is a 422.
     *
     * <p>The order's trace is this request's: its id is in the body ({@code traceId}) and in {@value #TRACE_ID}. A
     * replay has neither, as its request's trace is not the one the order's saga runs in.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderResponse> place(
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        OrderService.Placement placement;
        try {
            placement = orders.place(request.toCommand(), idempotencyKey);
        } catch (UnknownSkusException e) {
            throw OrderProblems.unknownSkus(e, request);
        }
        Order order = placement.order();
        var accepted = ResponseEntity.accepted()
                .location(URI.create("/orders/" + order.id()))
                .header(REPLAYED, Boolean.toString(placement.replayed()));
        Optional<String> traceId = placement.replayed() ? Optional.empty() : tracing.currentTraceId();
        traceId.ifPresent(id -> accepted.header(TRACE_ID, id));
        return accepted.body(
                traceId.map(OrderResponse.of(order)::withTraceId).orElseGet(() -> OrderResponse.of(order)));
    }

    @GetMapping("/{id}")
    OrderResponse get(@PathVariable UUID id) {
        return OrderResponse.of(orders.find(new OrderId(id)));
    }

    /** Orders newest first, filtered by customer and status; operators list {@code status=NEEDS_ATTENTION}. */
    @GetMapping
    OrderPageResponse search(
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return OrderPageResponse.of(orders.search(customerId, status, page, size));
    }

    /**
     * Requests the cancellation: 202 while the order can still be cancelled, 409 once it cannot. The compensations it
     * sets off run in this request's trace, whose id is in {@value #TRACE_ID}.
     */
    @PostMapping("/{id}/cancel")
    ResponseEntity<OrderResponse> cancel(
            @PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable CancelOrderRequest request) {
        String reason = request == null ? CancelOrderRequest.DEFAULT_REASON : request.reasonOrDefault();
        var accepted = ResponseEntity.accepted();
        tracing.currentTraceId().ifPresent(traceId -> accepted.header(TRACE_ID, traceId));
        return accepted.body(OrderResponse.of(orders.cancel(new OrderId(id), reason)));
    }
}
