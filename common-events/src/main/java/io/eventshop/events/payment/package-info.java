/** The events that payment-service publishes: the outcome of an authorization, and refunds. */
package io.eventshop.events.payment;
