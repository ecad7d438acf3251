/** End-to-end tests: the five services as processes, one devstack AWS endpoint and one PostgreSQL, driven over REST. */
package io.eventshop.e2e;
