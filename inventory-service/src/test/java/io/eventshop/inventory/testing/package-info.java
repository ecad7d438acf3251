/**
 * Support for inventory-service's integration tests: the service started against embedded PostgreSQL and the in-JVM
 * AWS endpoint, the OrderPlaced events to publish, and the {@code /products} API. The saga's topic is
 * common-messaging's {@code SagaTopic}.
 */
package io.eventshop.inventory.testing;
