/**
 * Support for shipping-service's integration tests: the service started against embedded PostgreSQL and the in-JVM
 * AWS endpoint, the StockReserved events to publish, and the {@code /shipments} API. The saga's topic is
 * common-messaging's {@code SagaTopic}.
 */
package io.eventshop.shipping.testing;
