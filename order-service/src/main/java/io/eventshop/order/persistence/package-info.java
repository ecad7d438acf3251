/** The PostgreSQL storage of orders and idempotency keys, with plain SQL through JdbcClient. */
@NullMarked
package io.eventshop.order.persistence;

import org.jspecify.annotations.NullMarked;
