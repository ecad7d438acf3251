package io.eventshop.events.notification;

import io.eventshop.events.IntegrationEvent;

/** An event published by notification-service. */
public sealed interface NotificationEvent extends IntegrationEvent permits CustomerNotified {}
