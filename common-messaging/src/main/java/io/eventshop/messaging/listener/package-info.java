/**
 * Consuming events from SQS: a listener container on the service's queue unwraps each message (raw SNS delivery, SNS
 * envelope or EventBridge event) into the common envelope, and dispatches it through the inbox to the handler that the
 * service registered in {@link io.eventshop.messaging.listener.EventHandlers}. Poison messages go to the dead-letter
 * queue at once; failed handlers are retried with a growing backoff.
 */
@NullMarked
package io.eventshop.messaging.listener;

import org.jspecify.annotations.NullMarked;
