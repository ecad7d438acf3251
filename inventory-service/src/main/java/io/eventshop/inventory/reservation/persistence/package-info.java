/** The reservation's tables, read and written with plain SQL; lines and addresses are stored as JSON. */
package io.eventshop.inventory.reservation.persistence;
