package dev.refunds.application.idempotency;

import java.util.function.Supplier;

/**
 * Runs a request at most once per key. {@code action} runs inside the transaction that also records its
 * response, so a crash cannot leave a change without its key or a key without its change. When {@code action}
 * throws (bad input, a server error) nothing is kept and the key is free again.
 *
 * @param scope       whose key it is: a business id, or {@code "admin"}
 * @param requestHash a digest of method, path and body; the same key with another digest is a reuse
 */
public interface IdempotencyUseCase {
    IdempotentOutcome execute(String scope, String key, String requestHash, Supplier<StoredResponse> action);
}
