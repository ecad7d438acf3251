/** The notifications in PostgreSQL, written with plain SQL through JdbcClient. */
@NullMarked
package io.eventshop.notification.persistence;

import org.jspecify.annotations.NullMarked;
