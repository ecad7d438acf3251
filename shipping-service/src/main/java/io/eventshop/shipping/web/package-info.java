/** The shipments' REST API: {@code /shipments}. */
package io.eventshop.shipping.web;
