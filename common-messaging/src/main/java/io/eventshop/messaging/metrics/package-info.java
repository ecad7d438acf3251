/**
 * The meters that messaging adds beyond the outbox's: the gauges of the service's own queue and dead-letter queue
 * ({@link io.eventshop.messaging.metrics.QueueMetrics}), what became of each message the listener took
 * ({@link io.eventshop.messaging.metrics.HandlerOutcomes}), and where a service's meters go beyond
 * {@code /actuator/prometheus}: CloudWatch, on AWS ({@link io.eventshop.messaging.metrics.CloudWatchMetricsConfiguration}).
 */
package io.eventshop.messaging.metrics;
