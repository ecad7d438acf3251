/**
 * The use cases of order-service (placing and cancelling orders, the saga's reactions, its deadline) and the ports
 * they need: {@link io.eventshop.order.application.Orders}, {@link io.eventshop.order.application.PriceReplica} and
 * {@link io.eventshop.order.application.IdempotencyKeys}. No HTTP and no SQL here.
 */
@NullMarked
package io.eventshop.order.application;

import org.jspecify.annotations.NullMarked;
