/**
 * The ways a notification reaches a customer, systems outside eventshop: the adapters of the application's
 * {@link io.eventshop.notification.application.NotificationChannel} port (SMTP, or the log when no mail server is
 * configured), the configuration that picks one, and their settings.
 */
@NullMarked
package io.eventshop.notification.integration;

import org.jspecify.annotations.NullMarked;
