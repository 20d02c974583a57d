package dev.refunds.rest;

import dev.refunds.application.InvalidInputException;
import dev.refunds.domain.payment.Metadata;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** The {@code metadata} field of a body: absent is none; over the limits is a 400 naming {@code metadata}. */
public final class MetadataField {
    private MetadataField() {
    }

    public static Metadata of(@Nullable Map<String, String> pairs) {
        if (pairs == null) {
            return Metadata.EMPTY;
        }
        Metadata.problemWith(pairs, false).ifPresent(problem -> {
            throw new InvalidInputException("metadata", problem);
        });
        return new Metadata(pairs);
    }
}
