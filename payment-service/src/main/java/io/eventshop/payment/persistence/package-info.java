/** The payments and tombstones in PostgreSQL, written with plain SQL through JdbcClient. */
@NullMarked
package io.eventshop.payment.persistence;

import org.jspecify.annotations.NullMarked;
