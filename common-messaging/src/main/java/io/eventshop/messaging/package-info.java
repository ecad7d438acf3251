/**
 * Reliable messaging for eventshop's services: the transactional outbox and its relay, the idempotent inbox and the
 * SQS listener support, wired by {@link io.eventshop.messaging.MessagingAutoConfiguration}.
 */
@NullMarked
package io.eventshop.messaging;

import org.jspecify.annotations.NullMarked;
