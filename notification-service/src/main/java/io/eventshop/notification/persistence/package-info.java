/**
 * The notifications in PostgreSQL, with Spring Data JPA behind the application's
 * {@link io.eventshop.notification.application.Notifications} port.
 */
@NullMarked
package io.eventshop.notification.persistence;

import org.jspecify.annotations.NullMarked;
