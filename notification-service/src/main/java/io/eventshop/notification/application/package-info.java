/**
 * The use case (turning a customer-facing event into a sent, stored notification, announced by CustomerNotified) and
 * the ports it needs: {@link io.eventshop.notification.application.Notifications} and
 * {@link io.eventshop.notification.application.NotificationChannel}.
 */
@NullMarked
package io.eventshop.notification.application;

import org.jspecify.annotations.NullMarked;
