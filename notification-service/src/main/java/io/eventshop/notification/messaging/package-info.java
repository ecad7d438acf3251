/** The events notification-service reacts to: those the EventBridge rules of infra/topology.yaml route to its queue. */
@NullMarked
package io.eventshop.notification.messaging;

import org.jspecify.annotations.NullMarked;
