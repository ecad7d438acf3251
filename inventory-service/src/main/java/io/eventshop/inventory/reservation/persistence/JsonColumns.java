package io.eventshop.inventory.reservation.persistence;

import io.eventshop.inventory.catalog.domain.Sku;
import io.eventshop.inventory.reservation.domain.ReservationLine;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON columns: lines as {@code [{"sku": "SKU-1001", "quantity": 2}]}, and addresses as their records. */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {};

    private JsonColumns() {}

    static String writeLines(List<ReservationLine> lines) {
        return JSON.writeValueAsString(lines.stream()
                .map(line -> new Line(line.sku().value(), line.quantity()))
                .toList());
    }

    static List<ReservationLine> readLines(String json) {
        return JSON.readValue(json, LINES).stream()
                .map(line -> new ReservationLine(new Sku(line.sku()), line.quantity()))
                .toList();
    }

    static <T> String writeValue(T value) {
        return JSON.writeValueAsString(value);
    }

    static <T> T readValue(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    private record Line(String sku, int quantity) {}
}
