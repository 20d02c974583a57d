package dev.refunds.rest;

import dev.refunds.application.InvalidInputException;

import java.util.Optional;

/** Checks request fields at the edge; each failure is a 400 that names its field. */
public final class Fields {
    private Fields() {
    }

    public static String required(String value, String field, int lengthMax) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        return withinLength(value, field, lengthMax);
    }

    public static Optional<String> optional(String value, String field, int lengthMax) {
        return Optional.ofNullable(value).map(text -> withinLength(text, field, lengthMax));
    }

    public static <E extends Enum<E>> E enumValue(String value, String field, Class<E> type) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
        }
        throw new InvalidInputException(field, field + " must be one of " + java.util.Arrays.toString(
                type.getEnumConstants()));
    }

    public static <E extends Enum<E>> Optional<E> optionalEnum(String value, String field, Class<E> type) {
        return Optional.ofNullable(value).map(text -> enumValue(text, field, type));
    }

    private static String withinLength(String value, String field, int lengthMax) {
        if (value.length() > lengthMax) {
            throw new InvalidInputException(field, field + " is longer than " + lengthMax + " characters");
        }
        return value;
    }
}
