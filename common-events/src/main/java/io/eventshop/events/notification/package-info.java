/** The events that notification-service publishes: a record of each message sent to a customer. */
package io.eventshop.events.notification;
