/**
 * The PostgreSQL storage of order-service. The order aggregate with Spring Data JPA ({@code JpaOrders} over
 * {@code OrderRepository}); the price replica's conditional upsert and the idempotency keys' {@code on conflict do
 * nothing} on JdbcClient, because there the SQL is the point.
 */
@NullMarked
package io.eventshop.order.persistence;

import org.jspecify.annotations.NullMarked;
