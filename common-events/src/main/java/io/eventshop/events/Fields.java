package io.eventshop.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks that event records run in their compact constructors. Each one throws an {@link InvalidFieldException}
 * that names the field.
 */
public final class Fields {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Fields() {}

    /** Returns {@code value}, or fails if it is null. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw InvalidFieldException.missing(field);
        }
        return value;
    }

    /** Returns {@code value}, or fails if it is null or blank. */
    public static String notBlank(String value, String field) {
        if (required(value, field).isBlank()) {
            throw InvalidFieldException.invalid(field, "must not be blank");
        }
        return value;
    }

    /** Returns {@code value}, or fails if it is zero or negative. */
    public static int positive(int value, String field) {
        if (value <= 0) {
            throw InvalidFieldException.invalid(field, "must be positive, was " + value);
        }
        return value;
    }

    /** Returns {@code amount}, or fails if it is null or negative. */
    public static BigDecimal money(BigDecimal amount, String field) {
        if (required(amount, field).signum() < 0) {
            throw InvalidFieldException.invalid(field, "must not be negative, was " + amount.toPlainString());
        }
        return amount;
    }

    /** Returns {@code code}, or fails if it is not an ISO 4217 currency code of three upper-case letters. */
    public static String currency(String code, String field) {
        if (!CURRENCY.matcher(required(code, field)).matches()) {
            throw InvalidFieldException.invalid(
                    field, "must be an ISO 4217 code of three upper-case letters, was " + code);
        }
        return code;
    }

    /** Returns {@code code}, or fails if it is not an ISO 3166 country code of two upper-case letters. */
    public static String country(String code, String field) {
        if (!COUNTRY.matcher(required(code, field)).matches()) {
            throw InvalidFieldException.invalid(
                    field, "must be an ISO 3166 code of two upper-case letters, was " + code);
        }
        return code;
    }

    /** Returns an immutable copy of {@code list}, or fails if it is null or holds a null. */
    public static <T> List<T> list(List<T> list, String field) {
        required(list, field);
        for (int i = 0; i < list.size(); i++) {
            required(list.get(i), field + "[" + i + "]");
        }
        return List.copyOf(list);
    }

    /** Returns an immutable copy of {@code list}, or fails if it is null, empty or holds a null. */
    public static <T> List<T> nonEmptyList(List<T> list, String field) {
        List<T> copy = list(list, field);
        if (copy.isEmpty()) {
            throw InvalidFieldException.invalid(field, "must not be empty");
        }
        return copy;
    }
}
