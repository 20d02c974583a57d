package dev.refunds.rest;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.idempotency.IdempotencyUseCase;
import dev.refunds.application.idempotency.IdempotentOutcome;
import dev.refunds.application.idempotency.StoredResponse;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code X-Idempotency-Key} (or its standard name {@code Idempotency-Key}, Stripe's and the IETF draft's) for every POST that creates or changes something. "The same request" is the same
 * method, path and body meaning: the hash covers the body as parsed and written back in one canonical form, so
 * key order, white space and unknown fields (which change nothing) do not make a retry look like a new request.
 * Answers are kept as the exact bytes sent, so a replay is byte for byte the first answer.
 */
@Singleton
public final class IdempotentPosts {
    public static final String KEY_HEADER = "X-Idempotency-Key";
    public static final String STANDARD_KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_DOC = "Optional, 1-255 printable ASCII, scoped to the business (X-Idempotency-Key and"
            + " Idempotency-Key are one header under two names): the same key and"
            + " request replays the first answer (header Idempotent-Replayed: true), the same key with another request"
            + " is 422 IDEMPOTENCY_KEY_REUSED, and while the first runs, 409 IDEMPOTENCY_IN_PROGRESS.";
    /** 1-255 printable ASCII characters. */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

    private final IdempotencyUseCase idempotency;
    private final JsonMapper json;

    IdempotentPosts(IdempotencyUseCase idempotency, JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Runs {@code action} once per key within {@code scope}; without a key, simply runs it. */
    public HttpResponse<?> run(HttpRequest<?> request, String scope, @Nullable Object body,
                               Supplier<HttpResponse<?>> action) {
        return run(request, scope, body, action, null);
    }

    /**
     * Like {@link #run(HttpRequest, String, Object, Supplier)}, but keeps {@code keptBody} of the answer rather
     * than the answer itself: for an answer with a secret shown once (a new API key), which must never be stored.
     * The first answer has the secret; a replay has the kept form.
     */
    public HttpResponse<?> run(HttpRequest<?> request, String scope, @Nullable Object body,
                               Supplier<HttpResponse<?>> action, @Nullable UnaryOperator<Object> keptBody) {
        return run(request, scope, body, null, action, keptBody);
    }

    /**
     * Like {@link #run(HttpRequest, String, Object, Supplier)}, for an action that locks the row {@code group}
     * names: keyed requests of one group may be decided together under one lock and one commit (group commit).
     */
    public HttpResponse<?> runGrouped(HttpRequest<?> request, String scope, @Nullable Object body, Object group,
                                      Supplier<HttpResponse<?>> action) {
        return run(request, scope, body, group, action, null);
    }

    private HttpResponse<?> run(HttpRequest<?> request, String scope, @Nullable Object body, @Nullable Object group,
                                Supplier<HttpResponse<?>> action, @Nullable UnaryOperator<Object> keptBody) {
        String key = keyOf(request);
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(KEY_HEADER, KEY_HEADER + " must be 1-255 printable ASCII characters");
        }
        String hash = sha256(request.getMethodName() + " " + request.getPath() + "\n" + write(body));
        AtomicReference<HttpResponse<?>> live = new AtomicReference<>();
        IdempotentOutcome outcome;
        try {
            Supplier<StoredResponse> kept = () -> {
                live.set(action.get());
                return keep(live.get(), keptBody);
            };
            outcome = group == null ? idempotency.execute(scope, key, hash, kept)
                    : idempotency.execute(scope, key, hash, group, kept);
        } catch (NotKept notKept) {
            return notKept.response;
        }
        if (outcome instanceof IdempotentOutcome.Executed executed) {
            return keptBody == null ? answer(executed.response()) : live.get();
        }
        if (outcome instanceof IdempotentOutcome.Replayed replayed) {
            return answer(replayed.response()).header(REPLAYED_HEADER, "true");
        }
        if (outcome instanceof IdempotentOutcome.KeyReused) {
            return Errors.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This " + KEY_HEADER
                    + " was already used for a different request; use a new key for a new request", KEY_HEADER);
        }
        return Errors.of(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this " + KEY_HEADER
                + " is still being processed; retry shortly");
    }

    /** The key under either name; two different values are a request that contradicts itself. */
    private static @Nullable String keyOf(HttpRequest<?> request) {
        String key = request.getHeaders().get(KEY_HEADER);
        String standard = request.getHeaders().get(STANDARD_KEY_HEADER);
        if (key != null && standard != null && !key.equals(standard)) {
            throw new InvalidInputException(STANDARD_KEY_HEADER, KEY_HEADER + " and " + STANDARD_KEY_HEADER
                    + " are the same header under two names; they carry different values");
        }
        return key != null ? key : standard;
    }

    private StoredResponse keep(HttpResponse<?> response, @Nullable UnaryOperator<Object> keptBody) {
        int status = response.getStatus().getCode();
        if (status == HttpStatus.BAD_REQUEST.getCode() || status >= HttpStatus.INTERNAL_SERVER_ERROR.getCode()) {
            throw new NotKept(response);   // rolls back and frees the key: the client may fix the request
        }
        Object body = response.body();
        return new StoredResponse(status, write(keptBody == null || body == null ? body : keptBody.apply(body)));
    }

    private static io.micronaut.http.MutableHttpResponse<byte[]> answer(StoredResponse stored) {
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(stored.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(stored.body().getBytes(StandardCharsets.UTF_8));
    }

    private String write(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response that must not be kept: it travels out of the transaction, which rolls back. */
    private static final class NotKept extends RuntimeException {
        private final transient HttpResponse<?> response;

        NotKept(HttpResponse<?> response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
