/**
 * The idempotent consumer: {@link io.eventshop.messaging.inbox.Inbox} records each event a consumer handles in the
 * handler's own transaction, so that a redelivered event has its effect once.
 */
@NullMarked
package io.eventshop.messaging.inbox;

import org.jspecify.annotations.NullMarked;
