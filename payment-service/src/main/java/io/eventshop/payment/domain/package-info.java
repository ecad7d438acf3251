/**
 * The Payment aggregate (with its Refund), its value objects, typed ids and domain events: the rules of authorizing,
 * declining and refunding, in plain Java with JPA's mapping annotations.
 */
@NullMarked
package io.eventshop.payment.domain;

import org.jspecify.annotations.NullMarked;
