/** The events that order-service consumes, routed to the saga and to the price replica. */
@NullMarked
package io.eventshop.order.messaging;

import org.jspecify.annotations.NullMarked;
