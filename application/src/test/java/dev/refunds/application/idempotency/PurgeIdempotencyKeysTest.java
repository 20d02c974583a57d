package dev.refunds.application.idempotency;

import dev.refunds.application.fakes.MutableClock;
import dev.refunds.application.idempotency.IdempotencyStore.KeyRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys are kept at least 24 h, then deleted in bounded batches. */
class PurgeIdempotencyKeysTest {
    private static final Instant NOW = Instant.parse("2026-05-17T09:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(25);

    private final MutableClock clock = new MutableClock(NOW);
    private final UndoLogTransactions transactions = new UndoLogTransactions();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(transactions);

    @Test
    void keys_older_than_the_retention_go_and_younger_ones_stay_whether_finished_or_in_progress() {
        arrange("old-finished", NOW.minus(RETENTION).minusSeconds(1), true);
        arrange("old-in-progress", NOW.minus(RETENTION).minusMillis(1), false);
        arrange("a-day-old", NOW.minus(Duration.ofHours(24)), true);
        arrange("just-at-retention", NOW.minus(RETENTION), true);
        arrange("fresh", NOW, false);

        int deleted = new PurgeIdempotencyKeys(store, transactions, clock, RETENTION).run();

        assertThat(deleted).isEqualTo(2);
        assertThat(store.find("s", "old-finished")).isEmpty();
        assertThat(store.find("s", "old-in-progress")).isEmpty();
        assertThat(store.find("s", "a-day-old")).isPresent();
        assertThat(store.find("s", "just-at-retention")).isPresent();
        assertThat(store.find("s", "fresh")).isPresent();
    }

    @Test
    void many_expired_keys_go_in_several_batches_in_one_run() {
        int expired = PurgeIdempotencyKeys.BATCH * 2 + 7;
        for (int i = 0; i < expired; i++) {
            arrange("old-" + i, NOW.minus(Duration.ofDays(3)), true);
        }
        arrange("fresh", NOW.minus(Duration.ofHours(1)), true);

        int deleted = new PurgeIdempotencyKeys(store, transactions, clock, RETENTION).run();

        assertThat(deleted).isEqualTo(expired);
        assertThat(store.size()).isEqualTo(1);
        assertThat(transactions.commits()).as("one transaction per batch").isEqualTo(3);
    }

    @Test
    void a_retention_under_24_hours_is_refused() {
        assertThatThrownBy(() -> new PurgeIdempotencyKeys(store, transactions, clock, Duration.ofHours(23)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void arrange(String key, Instant createdAt, boolean finished) {
        store.arrange("s", key, new KeyRecord("hash", "owner", createdAt.plusSeconds(30),
                finished ? Optional.of(new StoredResponse(201, "{}")) : Optional.empty()), createdAt);
    }
}
