/**
 * notification-service's messaging: the events the EventBridge rules of infra/topology.yaml route to its queue and
 * what each one does ({@code NotificationEventHandlers}), and its domain event turned into the published contract
 * ({@code NotificationEventMapper}).
 */
@NullMarked
package io.eventshop.notification.messaging;

import org.jspecify.annotations.NullMarked;
