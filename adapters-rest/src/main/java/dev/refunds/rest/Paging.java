package dev.refunds.rest;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.shared.PageRequest;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code limit} (default 20, 1-100) and {@code startingAfter}; anything else is a 400. */
public final class Paging {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

    private Paging() {
    }

    public static PageRequest of(Optional<String> limit, Optional<String> startingAfter) {
        int size = limit.map(Paging::parseLimit).orElse(PageRequest.LIMIT_DEFAULT);
        Optional<String> cursor = startingAfter.map(PathIds::cursor);
        return new PageRequest(size, cursor);
    }

    private static int parseLimit(String text) {
        if (DIGITS.matcher(text).matches()) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= PageRequest.LIMIT_MAX) {
                return value;
            }
        }
        throw new InvalidInputException("limit", "limit must be a whole number from 1 to " + PageRequest.LIMIT_MAX);
    }
}
