/** order-service: takes orders, keeps a replica of product prices, and tracks each order's saga to its end. */
@NullMarked
package io.eventshop.order;

import org.jspecify.annotations.NullMarked;
