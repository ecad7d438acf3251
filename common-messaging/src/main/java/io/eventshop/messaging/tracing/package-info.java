/**
 * One trace per order, across services: the W3C trace context goes from the transaction that writes an event to the
 * outbox, through the relay's publish span and the message (an SNS message attribute, or a field of the envelope on
 * EventBridge), to the span that handles it in the consumer, whose own events carry it on. Spans go to Zipkin when
 * {@code management.tracing.export.zipkin.endpoint} is set.
 */
@NullMarked
package io.eventshop.messaging.tracing;

import org.jspecify.annotations.NullMarked;
