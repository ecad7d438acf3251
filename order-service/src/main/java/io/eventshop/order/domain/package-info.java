/**
 * The order aggregate, its value objects and its domain events: the rules of an order's life and of its saga. Plain
 * Java, with the JPA mapping annotations ({@code jakarta.persistence}) as the one exception, since the aggregate is
 * the entity; no Spring, SQL, JSON, AWS or integration-event contract.
 */
@NullMarked
package io.eventshop.order.domain;

import org.jspecify.annotations.NullMarked;
