package dev.refunds.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What every answer must look like (API.md, "Envelope"), as one check that says what is wrong. */
final class Envelope {
    /** Text that only internals produce: class and package names, stack frames, SQL and driver messages. */
    private static final Pattern INTERNALS = Pattern.compile("Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.|javax\\."
            + "|jakarta\\.|io\\.micronaut|io\\.netty|com\\.fasterxml|com\\.mysql|org\\.mariadb|org\\.h2|com\\.zaxxer"
            + "|jdbc:|SQLState|SQL syntax|Duplicate entry|dev\\.refunds\\.");
    /** The one status each error code is answered with (API.md's table, plus 503 for a lost database). */
    private static final Map<String, Integer> STATUS_OF = Map.ofEntries(
            Map.entry("VALIDATION_ERROR", 400), Map.entry("UNAUTHORIZED", 401), Map.entry("NOT_FOUND", 404),
            Map.entry("METHOD_NOT_ALLOWED", 405), Map.entry("PAYLOAD_TOO_LARGE", 413),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", 415), Map.entry("INVALID_STATE", 409),
            Map.entry("PAYMENT_NOT_REFUNDABLE", 409), Map.entry("INVOICE_NOT_REFUNDABLE", 409),
            Map.entry("REFUND_ALREADY_REQUESTED", 409), Map.entry("REFUND_BLOCKED_BY_DISPUTE", 409),
            Map.entry("PAYMENT_CHARGED_BACK", 409), Map.entry("AMOUNT_EXCEEDS_REFUNDABLE", 422),
            Map.entry("IDEMPOTENCY_KEY_REUSED", 422), Map.entry("IDEMPOTENCY_IN_PROGRESS", 409),
            Map.entry("SERVICE_UNAVAILABLE", 503), Map.entry("INTERNAL_ERROR", 500),
            Map.entry("NOT_ACCEPTABLE", 406));
    /** v2's own codes are not in API.md's v1 table; they only need to be named. */
    private static final Set<String> V2_PATHS = Set.of("/api/v2/");

    private Envelope() {
    }

    static boolean leaksInternals(String body) {
        return body != null && INTERNALS.matcher(body).find();
    }

    /**
     * Empty when {@code json} is a proper envelope for {@code status}; otherwise what is wrong. {@code request} is
     * what was sent, so that text the client itself put in (and the service echoes) is not taken for internals.
     */
    static List<String> problems(String path, int status, String raw, JsonNode json, String request) {
        if (json == null || !json.isObject()) {
            return List.of("the body is not a JSON object: " + abbreviate(raw));
        }
        String envelopeStatus = json.path("status").asText(null);
        if (status >= 200 && status < 300) {
            if (!"success".equals(envelopeStatus) || !json.has("data")) {
                return List.of("a " + status + " without {\"status\":\"success\",\"data\":…}: " + abbreviate(raw));
            }
            return List.of();
        }
        if (!"error".equals(envelopeStatus)) {
            return List.of("a " + status + " without \"status\":\"error\": " + abbreviate(raw));
        }
        JsonNode error = json.path("error");
        String code = error.path("code").asText(null);
        String message = error.path("message").asText(null);
        if (code == null || code.isBlank() || message == null || message.isBlank()) {
            return List.of("a " + status + " whose error has no code or no message: " + abbreviate(raw));
        }
        boolean v2 = V2_PATHS.stream().anyMatch(path::startsWith);
        Integer expected = STATUS_OF.get(code);
        if (expected != null && expected != status) {
            return List.of("code " + code + " answered with HTTP " + status + " (API.md: " + expected + "): "
                    + abbreviate(raw));
        }
        if (expected == null && !v2) {
            return List.of("unknown error code " + code + " with HTTP " + status + ": " + abbreviate(raw));
        }
        if (leaksInternals(raw) && (request == null || !leaksInternals(request))) {
            return List.of("the answer shows internals: " + abbreviate(raw));
        }
        return List.of();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }
}
