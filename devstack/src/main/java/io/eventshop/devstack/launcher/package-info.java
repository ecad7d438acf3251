/**
 * Starts the whole system on one machine: embedded PostgreSQL, and the five services as separate processes against
 * the local AWS endpoint. The {@code up} command and the end-to-end tests both use it.
 */
package io.eventshop.devstack.launcher;
