package dev.refunds.application.contract;

import dev.refunds.application.idempotency.IdempotencyStore.CompletedKey;
import dev.refunds.application.idempotency.IdempotencyStore.KeyRecord;
import dev.refunds.application.idempotency.IdempotencyStore;
import dev.refunds.application.idempotency.StoredResponse;
import dev.refunds.application.shared.Transactions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.refunds.application.contract.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyStore} does: one claim per key and scope, keys compared byte for byte, a response kept
 * only for the claim's owner, take-over and release only of a claim without a response, and the purge taking the
 * oldest keys first. Each test uses a scope of its own: a MariaDB database keeps other tests' keys.
 */
public abstract class IdempotencyStoreContract {
    private static final Instant LEASE = T0.plusSeconds(30);
    private static final StoredResponse CREATED = new StoredResponse(201, "{\"status\":\"success\"}");

    protected abstract Transactions transactions();

    protected abstract IdempotencyStore store();

    private final String scope = "contract-" + Rows.suffix(12);

    private <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private Optional<KeyRecord> read(String key) {
        return tx(() -> store().lock(scope, key));
    }

    @Test
    void the_first_insert_claims_the_key_and_a_second_finds_it_taken() {
        assertThat(tx(() -> store().insert(scope, "k1", "hash-a", "owner-1", LEASE, T0))).isTrue();
        assertThat(tx(() -> store().insert(scope, "k1", "hash-b", "owner-2", LEASE, T0))).isFalse();

        assertThat(read("k1")).contains(new KeyRecord("hash-a", "owner-1", LEASE, Optional.empty()));
        assertThat(read("k2")).isEmpty();
        assertThat(tx(() -> store().lock("other-" + scope, "k1"))).as("another scope").isEmpty();
    }

    @Test
    void a_key_written_completed_replays_its_response_and_a_second_write_finds_it_taken() {
        assertThat(tx(() -> store().insertCompleted(scope, "k1", "hash-a", "owner-1", CREATED, T0))).isTrue();
        assertThat(tx(() -> store().insertCompleted(scope, "k1", "hash-b", "owner-2", CREATED, T0))).isFalse();
        assertThat(tx(() -> store().insert(scope, "k1", "hash-b", "owner-2", LEASE, T0))).isFalse();

        assertThat(read("k1")).contains(new KeyRecord("hash-a", "owner-1", T0, Optional.of(CREATED)));
        assertThat(tx(() -> store().complete(scope, "k1", "owner-1", new StoredResponse(200, "{}")))).isFalse();
        assertThat(read("k1").flatMap(KeyRecord::response)).contains(CREATED);
    }

    @Test
    void keys_written_completed_together_are_each_kept_and_a_batch_with_a_key_that_exists_reports_it() {
        tx(() -> store().insertCompleted(scope, "taken", "hash-a", "owner-1", CREATED, T0));

        assertThat(tx(() -> store().insertAllCompleted(List.of(completed("k1", "owner-2"),
                completed("k2", "owner-3"))))).isTrue();
        assertThat(read("k1")).contains(new KeyRecord("hash-b", "owner-2", T0, Optional.of(CREATED)));
        assertThat(read("k2")).contains(new KeyRecord("hash-b", "owner-3", T0, Optional.of(CREATED)));
        assertThat(rolledBack(() -> store().insertAllCompleted(List.of(completed("k3", "owner-4"),
                completed("taken", "owner-5"))))).isFalse();
        assertThat(read("taken")).contains(new KeyRecord("hash-a", "owner-1", T0, Optional.of(CREATED)));
        assertThat(read("k3")).as("rolled back with the batch").isEmpty();
    }

    private CompletedKey completed(String key, String owner) {
        return new CompletedKey(scope, key, "hash-b", owner, CREATED, T0);
    }

    /** What {@code work} answered, in a transaction then rolled back (as a caller told false must). */
    private <T> T rolledBack(Supplier<T> work) {
        List<T> answer = new java.util.ArrayList<>();
        try {
            tx(() -> {
                answer.add(work.get());
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the transaction rolled back
        }
        return answer.get(0);
    }

    private static final class RolledBack extends RuntimeException {
    }

    @Test
    void a_claimed_key_cannot_be_written_completed_by_another_request() {
        tx(() -> store().insert(scope, "k1", "hash-a", "owner-1", LEASE, T0));

        assertThat(tx(() -> store().insertCompleted(scope, "k1", "hash-a", "owner-2", CREATED, T0))).isFalse();
        assertThat(read("k1")).contains(new KeyRecord("hash-a", "owner-1", LEASE, Optional.empty()));
    }

    @Test
    void keys_that_differ_only_in_case_are_two_keys() {
        assertThat(tx(() -> store().insert(scope, "ABC", "hash-a", "owner-1", LEASE, T0))).isTrue();
        assertThat(tx(() -> store().insert(scope, "abc", "hash-b", "owner-2", LEASE, T0))).isTrue();

        assertThat(read("ABC").map(KeyRecord::requestHash)).contains("hash-a");
        assertThat(read("abc").map(KeyRecord::requestHash)).contains("hash-b");
    }

    @Test
    void only_the_owner_completes_a_claim_and_only_once() {
        tx(() -> store().insert(scope, "k1", "hash-a", "owner-1", LEASE, T0));

        assertThat(tx(() -> store().complete(scope, "k1", "owner-2", CREATED))).isFalse();
        assertThat(read("k1").flatMap(KeyRecord::response)).isEmpty();
        assertThat(tx(() -> store().complete(scope, "k1", "owner-1", CREATED))).isTrue();
        assertThat(read("k1").flatMap(KeyRecord::response)).contains(CREATED);
        assertThat(tx(() -> store().complete(scope, "k1", "owner-1", new StoredResponse(200, "{}")))).isFalse();
        assertThat(read("k1").flatMap(KeyRecord::response)).contains(CREATED);
    }

    @Test
    void a_take_over_changes_the_owner_of_an_unfinished_claim_and_leaves_a_finished_one_alone() {
        tx(() -> store().insert(scope, "open", "hash-a", "owner-1", LEASE, T0));
        tx(() -> store().insert(scope, "done", "hash-a", "owner-1", LEASE, T0));
        tx(() -> store().complete(scope, "done", "owner-1", CREATED));
        Instant later = LEASE.plusSeconds(60);

        tx(() -> {
            store().takeOver(scope, "open", "owner-2", later);
            store().takeOver(scope, "done", "owner-2", later);
            return null;
        });

        assertThat(read("open")).contains(new KeyRecord("hash-a", "owner-2", later, Optional.empty()));
        assertThat(read("done")).contains(new KeyRecord("hash-a", "owner-1", LEASE, Optional.of(CREATED)));
        assertThat(tx(() -> store().complete(scope, "open", "owner-1", CREATED))).as("the old owner").isFalse();
    }

    @Test
    void a_release_frees_only_the_owners_unfinished_claim() {
        tx(() -> store().insert(scope, "mine", "hash-a", "owner-1", LEASE, T0));
        tx(() -> store().insert(scope, "done", "hash-a", "owner-1", LEASE, T0));
        tx(() -> store().complete(scope, "done", "owner-1", CREATED));

        tx(() -> {
            store().release(scope, "mine", "owner-2");
            store().release(scope, "done", "owner-1");
            return null;
        });
        assertThat(read("mine")).isPresent();
        assertThat(read("done")).isPresent();

        tx(() -> {
            store().release(scope, "mine", "owner-1");
            return null;
        });
        assertThat(read("mine")).isEmpty();
        assertThat(tx(() -> store().insert(scope, "mine", "hash-b", "owner-3", LEASE, T0))).as("free again").isTrue();
    }

    @Test
    void the_purge_takes_keys_created_before_the_cutoff_oldest_first_up_to_the_limit() {
        Instant ancient = Instant.parse("1990-01-01T00:00:00Z");
        tx(() -> store().purgeCreatedBefore(ancient.plusSeconds(30), 1_000));   // what a failed earlier run left
        tx(() -> store().insert(scope, "newer", "h", "o", LEASE, ancient.plusSeconds(20)));
        tx(() -> store().insert(scope, "oldest", "h", "o", LEASE, ancient));
        tx(() -> store().insert(scope, "middle", "h", "o", LEASE, ancient.plusSeconds(10)));
        tx(() -> store().insert(scope, "kept", "h", "o", LEASE, ancient.plusSeconds(30)));

        assertThat(tx(() -> store().purgeCreatedBefore(ancient.plusSeconds(30), 2))).isEqualTo(2);
        assertThat(read("oldest")).isEmpty();
        assertThat(read("middle")).isEmpty();
        assertThat(read("newer")).isPresent();

        assertThat(tx(() -> store().purgeCreatedBefore(ancient.plusSeconds(30), 10))).isEqualTo(1);
        assertThat(read("newer")).isEmpty();
        assertThat(read("kept")).as("created at the cutoff").isPresent();
    }
}
