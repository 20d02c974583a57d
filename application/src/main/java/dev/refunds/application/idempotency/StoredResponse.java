package dev.refunds.application.idempotency;

import java.util.Objects;

/** The response a request with an idempotency key got, kept to be answered again byte for byte. */
public record StoredResponse(int status, String body) {
    public StoredResponse {
        Objects.requireNonNull(body, "body");
        if (status < 200 || status >= 500 || status == 400) {
            throw new IllegalArgumentException("only final answers are kept; a 400 or 5xx frees the key, got " + status);
        }
    }
}
