/**
 * Support for Spring integration tests of messaging code: embedded PostgreSQL, the in-JVM AWS endpoint, and fixtures
 * that provision the AWS resources a test needs.
 */
package io.eventshop.messaging.testing;
