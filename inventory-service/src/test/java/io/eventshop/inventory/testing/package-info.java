/** Support for inventory-service's integration tests: saga events to publish, and the events the service published. */
package io.eventshop.inventory.testing;
