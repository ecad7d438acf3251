/**
 * The carrier adapter, a system outside eventshop: a simulated carrier, called through resilience4j's retry, circuit
 * breaker and time limiter (the Boot starter's instances named {@code carrier}), and the configuration of both.
 */
package io.eventshop.shipping.integration;
