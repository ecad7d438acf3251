package io.eventshop.order.persistence;

import io.eventshop.order.domain.Sku;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/** Stores a {@link Sku} as its text, wherever an entity has one ({@code order_line.sku}). */
@Converter(autoApply = true)
class SkuConverter implements AttributeConverter<Sku, String> {

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable Sku sku) {
        return sku == null ? null : sku.value();
    }

    @Override
    public @Nullable Sku convertToEntityAttribute(@Nullable String value) {
        return value == null ? null : new Sku(value);
    }
}
