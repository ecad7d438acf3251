/** Support for shipping-service's integration tests: saga events to publish, and the events the service published. */
package io.eventshop.shipping.testing;
