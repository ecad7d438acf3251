/**
 * The payments and their refunds in PostgreSQL, with Spring Data JPA behind the application's
 * {@link io.eventshop.payment.application.Payments} port; the refund claims are SQL for their {@code SKIP LOCKED}.
 */
@NullMarked
package io.eventshop.payment.persistence;

import org.jspecify.annotations.NullMarked;
