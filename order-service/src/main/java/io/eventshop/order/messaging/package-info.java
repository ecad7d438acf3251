/**
 * order-service's messaging: the handlers of the events it consumes ({@code OrderEventHandlers}, routed to the saga
 * and to the price replica) and the mapper of its domain events to the contracts it publishes
 * ({@code OrderEventMapper}, through the outbox).
 */
@NullMarked
package io.eventshop.order.messaging;

import org.jspecify.annotations.NullMarked;
