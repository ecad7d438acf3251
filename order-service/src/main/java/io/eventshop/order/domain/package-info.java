/**
 * The order aggregate and its value objects: the rules of an order's life and of its saga, free of Spring, SQL and
 * AWS.
 */
@NullMarked
package io.eventshop.order.domain;

import org.jspecify.annotations.NullMarked;
