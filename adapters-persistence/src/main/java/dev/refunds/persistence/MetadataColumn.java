package dev.refunds.persistence;

import dev.refunds.domain.payment.Metadata;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Metadata in a text column as a JSON object of strings; no metadata is NULL. */
final class MetadataColumn {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Argument<Map<String, String>> PAIRS = Argument.mapOf(String.class, String.class);

    private MetadataColumn() {
    }

    static String text(Metadata metadata) {
        if (metadata.entries().isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(metadata.entries());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metadata", e);
        }
    }

    static Metadata metadata(String text) {
        if (text == null) {
            return Metadata.EMPTY;
        }
        try {
            return new Metadata(JSON.readValue(text, PAIRS));
        } catch (IOException e) {
            throw new UncheckedIOException("metadata in the database is not a JSON object of strings", e);
        }
    }
}
