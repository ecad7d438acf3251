/**
 * Operations on each service's dead-letter queues: listing them and their messages with the failure reason, and
 * redriving messages to the source queue, as a service class and as the {@code /ops/dlq} REST endpoint.
 */
package io.eventshop.messaging.dlq;
