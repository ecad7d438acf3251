/** shipping-service: the shipments of reserved orders, scheduled with a carrier. */
package io.eventshop.shipping;
