/** The catalogue's REST API: {@code /products}, with restocking and repricing. */
package io.eventshop.inventory.web;
