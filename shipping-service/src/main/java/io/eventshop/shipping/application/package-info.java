/**
 * shipping-service's use cases: one per saga event it reacts to (see docs/saga.md), and the reads. The ports they
 * need are here too: the repository {@link io.eventshop.shipping.application.Shipments} and the carrier,
 * {@link io.eventshop.shipping.application.Carrier}, with its answers and its failure.
 */
package io.eventshop.shipping.application;
