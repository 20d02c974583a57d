package dev.refunds.application.idempotency;

/** What happened to a request that carried an idempotency key. */
public sealed interface IdempotentOutcome {
    /** The request ran now; this is its response. */
    record Executed(StoredResponse response) implements IdempotentOutcome {
    }

    /** The key was used before for the same request: its first response, nothing run again. */
    record Replayed(StoredResponse response) implements IdempotentOutcome {
    }

    /** The key was used before for a different request. */
    record KeyReused() implements IdempotentOutcome {
    }

    /** The first request with this key is still running (here or on another instance). */
    record InProgress() implements IdempotentOutcome {
    }
}
