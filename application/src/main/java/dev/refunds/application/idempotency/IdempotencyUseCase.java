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

    /**
     * Like {@link #execute(String, String, String, Supplier)}, for an action that locks the row {@code group}
     * names (a payment): requests of one group that queue behind each other may share one transaction and one
     * commit, each with its own key and its own answer, exactly as if they had run one after another.
     */
    default IdempotentOutcome execute(String scope, String key, String requestHash, Object group,
                                      Supplier<StoredResponse> action) {
        return execute(scope, key, requestHash, action);
    }
}
