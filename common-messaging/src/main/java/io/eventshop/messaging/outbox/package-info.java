/**
 * The transactional outbox: {@link io.eventshop.messaging.outbox.Outbox} stores events in the business transaction,
 * and {@link io.eventshop.messaging.outbox.OutboxRelay} publishes them to SNS and EventBridge after it commits.
 */
@NullMarked
package io.eventshop.messaging.outbox;

import org.jspecify.annotations.NullMarked;
