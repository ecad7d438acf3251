/** The events that order-service publishes: an order's placement and the outcome of its saga. */
package io.eventshop.events.order;
