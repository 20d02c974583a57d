package dev.refunds.rest;

import dev.refunds.application.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

/**
 * A request body read as a JSON tree, so every field's JSON type is checked as it is: a number, an array or an
 * object where a string belongs is a 400 naming the field, never silently converted (the serialiser would turn
 * {@code ["1000"]} or {@code 1000} into {@code "1000"}).
 */
public final class JsonBody {
    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /**
     * Reads a body strictly: UTF-8 only (an overlong or otherwise invalid sequence is refused, never repaired into
     * a different character), exactly one JSON value, nothing after it.
     */
    public static JsonBody parse(@Nullable byte[] raw) {
        return of(StrictJson.tree(raw));
    }

    /** An optional body: absent or empty reads as an empty object. */
    public static JsonBody parseOrEmpty(@Nullable byte[] raw) {
        return raw == null || raw.length == 0 ? orEmpty(null) : parse(raw);
    }

    public static JsonBody of(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "The request body must be a JSON object");
        }
        return new JsonBody(node);
    }

    /** An optional body: absent or empty reads as an empty object. */
    public static JsonBody orEmpty(@Nullable JsonNode node) {
        return node == null ? new JsonBody(JsonNode.createObjectNode(java.util.Map.of())) : of(node);
    }

    /** The field's text; null when absent or JSON null; a 400 when it is not a JSON string. */
    @Nullable
    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field, field + " must be a JSON string");
        }
        return value.getStringValue();
    }

    /** The field as a JSON object of strings, in key order; null when absent or JSON null; a 400 otherwise. */
    @Nullable
    public java.util.SortedMap<String, String> stringMap(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidInputException(field, field + " must be a JSON object of strings");
        }
        java.util.SortedMap<String, String> pairs = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, JsonNode> pair : value.entries()) {
            if (!pair.getValue().isString()) {
                throw new InvalidInputException(field, field + " value of '" + pair.getKey()
                        + "' must be a JSON string");
            }
            pairs.put(pair.getKey(), pair.getValue().getStringValue());
        }
        return pairs;
    }
}
