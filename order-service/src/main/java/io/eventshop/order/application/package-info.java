/** The use cases of order-service: placing and cancelling orders, the saga's reactions, and its deadline. */
@NullMarked
package io.eventshop.order.application;

import org.jspecify.annotations.NullMarked;
