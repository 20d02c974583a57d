package dev.refunds.rest;

import dev.refunds.application.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Ids from paths, queries and headers are matched exactly. Anything that is not an id's shape is refused before it
 * reaches the database, whose collation may ignore trailing blanks (MariaDB's PAD SPACE) or case.
 */
public final class PathIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private PathIds() {
    }

    /** True when {@code value} has the shape of one of our ids. */
    public static boolean wellFormed(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** A cursor that is not an id's shape is a 400 on {@code startingAfter}. */
    public static String cursor(String value) {
        if (!wellFormed(value)) {
            throw new InvalidInputException("startingAfter", "startingAfter must be the id of a listed item");
        }
        return value;
    }
}
