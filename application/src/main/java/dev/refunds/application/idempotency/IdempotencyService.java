package dev.refunds.application.idempotency;

import dev.refunds.application.idempotency.IdempotencyStore.CompletedKey;
import dev.refunds.application.idempotency.IdempotencyStore.KeyRecord;
import dev.refunds.application.shared.GroupBatch;
import dev.refunds.application.shared.GroupCommit;
import dev.refunds.application.shared.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A new key, the usual case, takes one transaction and one write of the key: the action runs, then the key is
 * inserted already completed with its response, and one commit keeps both. A concurrent request with the same key
 * that inserts first makes this insert fail (or wait for the other's commit, then fail); this transaction then
 * rolls back whole, and the key, now found, is replayed or refused below (API.md allows that bounded wait and a
 * replay instead of a {@code 409}). So at most one execution per key commits, a crash leaves neither key nor
 * change, and a request whose key exists runs its action only in a transaction that rolls back.
 *
 * <p>Two steps. First, in its own short transaction, the key is claimed: inserted with an owner token and a lease,
 * or found (then replayed, refused as reused, or reported in progress). Second, the action runs in a transaction
 * that also writes its response onto the key, but only while the claim is still ours; a claim whose lease ran out
 * may be taken over, and then the slow first owner's transaction fails to complete and rolls back. So at most one
 * execution per key ever commits.
 */
public final class IdempotencyService implements IdempotencyUseCase {
    private static final int CLAIM_ATTEMPTS_MAX = 3;

    private final IdempotencyStore store;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration lease;
    private final GroupCommit groupCommit;

    public IdempotencyService(IdempotencyStore store, Transactions transactions, Clock clock, Duration lease) {
        this(store, transactions, clock, lease, new GroupCommit(transactions, 1));
    }

    public IdempotencyService(IdempotencyStore store, Transactions transactions, Clock clock, Duration lease,
                              GroupCommit groupCommit) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = lease;
        this.groupCommit = groupCommit;
    }

    /**
     * A new key's transaction is shared with the requests of the group queued behind it; a key that exists (found
     * in the shared transaction, which then fails for all of them) or any other failure sends each request of that
     * batch down {@link #execute(String, String, String, Supplier)} alone, where the key is replayed or refused. A
     * batch writes its keys together at its end.
     */
    @Override
    public IdempotentOutcome execute(String scope, String key, String requestHash, Object group,
                                     Supplier<StoredResponse> action) {
        return groupCommit.run(group, () -> newKey(scope, key, requestHash, UUID.randomUUID().toString(), action),
                () -> execute(scope, key, requestHash, action));
    }

    @Override
    public IdempotentOutcome execute(String scope, String key, String requestHash, Supplier<StoredResponse> action) {
        String token = UUID.randomUUID().toString();
        Optional<IdempotentOutcome> done = inOneTransaction(scope, key, requestHash, token, action);
        if (done.isPresent()) {
            return done.get();
        }
        Optional<IdempotentOutcome> seen = claim(scope, key, requestHash, token);
        if (seen.isPresent()) {
            return seen.get();
        }
        try {
            return transactions.inTransaction(() -> {
                StoredResponse response = action.get();
                if (!store.complete(scope, key, token, response)) {
                    throw new ClaimLostException();
                }
                return new IdempotentOutcome.Executed(response);
            });
        } catch (ClaimLostException lost) {
            return new IdempotentOutcome.InProgress();
        } catch (RuntimeException failed) {
            transactions.inTransaction(() -> {
                store.release(scope, key, token);
                return null;
            });
            throw failed;
        }
    }

    /**
     * Empty when the key exists already (its row decides the answer); the work of this attempt rolled back. A
     * failure is shown as it is, unless the key turns out to exist by now: then the failure was this request
     * losing the race for the key (a database may report that as a conflict rather than make it wait).
     */
    private Optional<IdempotentOutcome> inOneTransaction(String scope, String key, String requestHash, String token,
                                                         Supplier<StoredResponse> action) {
        try {
            return Optional.of(transactions.inTransaction(() -> newKey(scope, key, requestHash, token, action)));
        } catch (KeyExistsException exists) {
            return Optional.empty();
        } catch (RuntimeException failed) {
            if (existsNow(scope, key, failed)) {
                return Optional.empty();
            }
            throw failed;
        }
    }

    /** Inside the caller's transaction: runs the action, then writes the key with its response. */
    private IdempotentOutcome newKey(String scope, String key, String requestHash, String token,
                                     Supplier<StoredResponse> action) {
        StoredResponse response = action.get();
        CompletedKey completed = new CompletedKey(scope, key, requestHash, token, response, clock.instant());
        Optional<GroupBatch> batch = GroupBatch.current();
        if (batch.isPresent()) {
            batch.get().state(CompletedKey.class, ArrayList<CompletedKey>::new, this::insertAll).add(completed);
        } else if (!store.insertCompleted(scope, key, requestHash, token, response, completed.now())) {
            throw new KeyExistsException();
        }
        return new IdempotentOutcome.Executed(response);
    }

    /** A batch's keys, at its end: one that exists fails the batch, and each request then runs alone. */
    private void insertAll(List<CompletedKey> keys) {
        if (!store.insertAllCompleted(keys)) {
            throw new KeyExistsException();
        }
    }

    private boolean existsNow(String scope, String key, RuntimeException failed) {
        try {
            return transactions.inTransaction(() -> store.lock(scope, key)).isPresent();
        } catch (RuntimeException unreadable) {
            failed.addSuppressed(unreadable);
            return false;
        }
    }

    /**
     * Empty when the claim is ours; otherwise what the caller answers instead of running the action. Only a key
     * found to exist comes here, so the key is read and locked first: an insert that fails on it first would leave
     * a shared lock on the row that the locking read must then upgrade, and two requests doing so deadlock.
     */
    private Optional<IdempotentOutcome> claim(String scope, String key, String requestHash, String token) {
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS_MAX; attempt++) {
            Optional<Optional<IdempotentOutcome>> decided = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                Optional<KeyRecord> existing = store.lock(scope, key);
                if (existing.isEmpty()) {
                    return store.insert(scope, key, requestHash, token, now.plus(lease), now)
                            ? Optional.of(Optional.<IdempotentOutcome>empty()) : Optional.empty();
                }
                return Optional.of(decide(existing.get(), scope, key, requestHash, token, now));
            });
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        return Optional.of(new IdempotentOutcome.InProgress());
    }

    private Optional<IdempotentOutcome> decide(KeyRecord record, String scope, String key, String requestHash,
                                               String token, Instant now) {
        if (!record.requestHash().equals(requestHash)) {
            return Optional.of(new IdempotentOutcome.KeyReused());
        }
        if (record.response().isPresent()) {
            return Optional.of(new IdempotentOutcome.Replayed(record.response().get()));
        }
        if (record.leaseUntil().isAfter(now)) {
            return Optional.of(new IdempotentOutcome.InProgress());
        }
        store.takeOver(scope, key, token, now.plus(lease));
        return Optional.empty();
    }

    private static final class KeyExistsException extends RuntimeException {
        KeyExistsException() {
            super("the idempotency key exists already", null, false, false);
        }
    }

    private static final class ClaimLostException extends RuntimeException {
        ClaimLostException() {
            super("the idempotency claim was taken over", null, false, false);
        }
    }
}
