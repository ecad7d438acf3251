package io.eventshop.inventory.domain;

/**
 * Where the order goes. inventory does nothing with it but keep it from OrderPlaced until the stock is reserved, and
 * hand it on to shipping with StockReserved.
 */
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {}
