/**
 * Sealing values that cross the bus but must stay unreadable on it (the customer's payment token), under a secret that
 * only their sender and receiver are given.
 */
@NullMarked
package io.eventshop.messaging.sealing;

import org.jspecify.annotations.NullMarked;
