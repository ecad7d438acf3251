package io.eventshop.topology;

/**
 * An SNS topic that publishers send events to.
 *
 * @param name the topic name; a FIFO topic's ends in {@code .fifo}
 * @param fifo whether the topic is FIFO, which keeps the events of one message group in order
 * @param contentBasedDeduplication whether SNS deduplicates by a hash of the body rather than by the publisher's
 *     deduplication id
 */
public record Topic(String name, boolean fifo, boolean contentBasedDeduplication) {}
