package dev.refunds.application.event;

import java.util.Objects;

/** The aggregate an event is about: its kind ({@code refund}, {@code dispute} …) and its id. */
public record EventSubject(String type, String id) {
    public static final String REFUND = "refund";

    public EventSubject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
