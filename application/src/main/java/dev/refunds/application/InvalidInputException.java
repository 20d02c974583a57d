package dev.refunds.application;

import java.util.Objects;

/** A request field that is malformed or out of range; the message is safe to show a client. */
public final class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
