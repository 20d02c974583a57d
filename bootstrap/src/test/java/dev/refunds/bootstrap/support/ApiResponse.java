package dev.refunds.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;

/** A response as a client sees it: status, headers, the raw body and the body parsed as JSON (or null). */
public record ApiResponse(int status, HttpHeaders headers, String raw, JsonNode json) {

    /** {@code data} of a success envelope. */
    public JsonNode data() {
        return json.get("data");
    }

    /** {@code error.code} of an error envelope. */
    public String errorCode() {
        return json.path("error").path("code").asText(null);
    }

    public String errorMessage() {
        return json.path("error").path("message").asText(null);
    }

    public String errorField() {
        JsonNode field = json.path("error").get("field");
        return field == null || field.isNull() ? null : field.asText();
    }

    /** A field of {@code data} as text. */
    public String text(String field) {
        return data().path(field).asText(null);
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
