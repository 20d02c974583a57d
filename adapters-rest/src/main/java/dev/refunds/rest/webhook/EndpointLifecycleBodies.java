package dev.refunds.rest.webhook;

import dev.refunds.application.InvalidInputException;
import dev.refunds.rest.JsonBody;
import dev.refunds.rest.StrictJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The bodies of {@code rotate-secret} ({@code {expiresInSeconds?}}) and {@code recover} ({@code {since, until?}}). */
final class EndpointLifecycleBodies {
    static final Duration RETIRING_DEFAULT = Duration.ofDays(1);
    static final long RETIRING_MAX_SECONDS = 604_800;

    private EndpointLifecycleBodies() {
    }

    /**
     * How long the old secret keeps signing: {@code expiresInSeconds}, a whole number, default a day. No body at
     * all means the default; a request that declares a content type must carry a JSON object.
     */
    static Duration retiringFor(@Nullable byte[] raw, boolean declaresContent) {
        boolean absent = (raw == null || raw.length == 0) && !declaresContent;
        JsonNode json = absent ? null : StrictJson.tree(raw);
        if (json != null) {
            JsonBody.of(json);   // a JSON object, else 400
        }
        JsonNode value = json == null ? null : json.get("expiresInSeconds");
        if (value == null || value.isNull()) {
            return RETIRING_DEFAULT;
        }
        double seconds = value.isNumber() ? value.getNumberValue().doubleValue() : -1;
        if (seconds != Math.rint(seconds) || seconds < 0 || seconds > RETIRING_MAX_SECONDS) {
            throw new InvalidInputException("expiresInSeconds", "expiresInSeconds must be a whole number 0-"
                    + RETIRING_MAX_SECONDS);
        }
        return Duration.ofSeconds((long) seconds);
    }

    record Window(Instant since, Optional<Instant> until) {
    }

    static Window window(@Nullable byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        String since = body.string("since");
        if (since == null) {
            throw new InvalidInputException("since", "since is required (an ISO-8601 instant)");
        }
        String until = body.string("until");
        return new Window(instant("since", since), Optional.ofNullable(until).map(text -> instant("until", text)));
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 instant like 2026-05-17T09:00:00Z");
        }
    }
}
