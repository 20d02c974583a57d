package dev.refunds.application.idempotency;


import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdempotencyStore} in memory, with the semantics of the SQL in {@code IdempotencyKeyRows}: a take-over
 * and a release only touch a key without a response, a completion and a release only one whose owner token is
 * the caller's. Every call must come inside a transaction of {@link UndoLogTransactions}, and every write is
 * undone when that transaction rolls back. A key inserted by a transaction still open is, to every other
 * transaction, a key in progress that cannot be taken over, whatever its lease says (a database makes the other
 * insert wait for the commit instead; answering "in progress" at once is what a request that does not wait
 * gets). Thread-safe (requests run on their own threads in these tests).
 */
final class InMemoryIdempotencyStore implements IdempotencyStore {
    record Id(String scope, String key) {
    }

    /** A stored key as the table holds it. */
    record Row(KeyRecord record, Instant createdAt) {
    }

    private final Map<Id, Row> rows = new LinkedHashMap<>();
    /** Keys inserted by a transaction not committed yet, with the thread whose transaction it is. */
    private final Map<Id, Thread> uncommitted = new LinkedHashMap<>();
    private final UndoLogTransactions transactions;

    InMemoryIdempotencyStore(UndoLogTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized Optional<KeyRecord> lock(String scope, String key) {
        transactions.requireActive("lock of an idempotency key");
        Id id = new Id(scope, key);
        if (isOthersUncommitted(id)) {
            KeyRecord pending = rows.get(id).record();
            return Optional.of(new KeyRecord(pending.requestHash(), pending.ownerToken(), Instant.MAX,
                    Optional.empty()));
        }
        return Optional.ofNullable(rows.get(id)).map(Row::record);
    }

    @Override
    public synchronized boolean insert(String scope, String key, String requestHash, String ownerToken,
                                       Instant leaseUntil, Instant now) {
        Id id = new Id(scope, key);
        if (rows.containsKey(id)) {
            transactions.requireActive("insert of an idempotency key");
            return false;
        }
        put(id, new Row(new KeyRecord(requestHash, ownerToken, leaseUntil, Optional.empty()), now), "insert");
        Thread inserter = Thread.currentThread();
        uncommitted.put(id, inserter);
        transactions.onRollback("insert of an idempotency key", () -> settled(id, inserter));
        transactions.afterCommit(() -> settled(id, inserter));
        return true;
    }

    @Override
    public synchronized boolean insertCompleted(String scope, String key, String requestHash, String ownerToken,
                                                StoredResponse response, Instant now) {
        if (!insert(scope, key, requestHash, ownerToken, now, now)) {
            return false;
        }
        Id id = new Id(scope, key);
        rows.put(id, new Row(new KeyRecord(requestHash, ownerToken, now, Optional.of(response)), now));
        return true;   // the insert's undo removes the row whole
    }

    @Override
    public synchronized void takeOver(String scope, String key, String ownerToken, Instant leaseUntil) {
        Id id = new Id(scope, key);
        Row row = rows.get(id);
        if (row == null || row.record().response().isPresent() || isOthersUncommitted(id)) {
            transactions.requireActive("take-over of an idempotency key");
            return;
        }
        put(id, new Row(new KeyRecord(row.record().requestHash(), ownerToken, leaseUntil, Optional.empty()),
                row.createdAt()), "take-over");
    }

    @Override
    public synchronized boolean complete(String scope, String key, String ownerToken, StoredResponse response) {
        Id id = new Id(scope, key);
        Row row = rows.get(id);
        if (row == null || row.record().response().isPresent() || !row.record().ownerToken().equals(ownerToken)) {
            transactions.requireActive("completion of an idempotency key");
            return false;
        }
        KeyRecord old = row.record();
        put(id, new Row(new KeyRecord(old.requestHash(), old.ownerToken(), old.leaseUntil(), Optional.of(response)),
                row.createdAt()), "completion");
        return true;
    }

    @Override
    public synchronized void release(String scope, String key, String ownerToken) {
        Id id = new Id(scope, key);
        Row row = rows.get(id);
        if (row == null || row.record().response().isPresent() || !row.record().ownerToken().equals(ownerToken)) {
            transactions.requireActive("release of an idempotency key");
            return;
        }
        remove(id, "release");
    }

    @Override
    public synchronized int purgeCreatedBefore(Instant cutoff, int limit) {
        List<Id> expired = rows.entrySet().stream()
                .filter(entry -> entry.getValue().createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing((Map.Entry<Id, Row> entry) -> entry.getValue().createdAt()))   // as SQL
                .limit(limit).map(Map.Entry::getKey).toList();
        transactions.requireActive("purge of idempotency keys");
        expired.forEach(id -> remove(id, "purge"));
        return expired.size();
    }

    // ---- for tests ----------------------------------------------------------------------------------------------

    /** A key as stored now, if any (no transaction needed). */
    synchronized Optional<KeyRecord> find(String scope, String key) {
        return Optional.ofNullable(rows.get(new Id(scope, key))).map(Row::record);
    }

    synchronized int size() {
        return rows.size();
    }

    /** Puts a row in directly, outside any transaction: an arranged past. */
    synchronized void arrange(String scope, String key, KeyRecord record, Instant createdAt) {
        rows.put(new Id(scope, key), new Row(record, createdAt));
    }

    private boolean isOthersUncommitted(Id id) {
        Thread inserter = uncommitted.get(id);
        return inserter != null && inserter != Thread.currentThread();
    }

    private synchronized void settled(Id id, Thread inserter) {
        uncommitted.remove(id, inserter);
    }

    private void put(Id id, Row row, String what) {
        Row before = rows.get(id);
        transactions.onRollback(what + " of an idempotency key", () -> restore(id, before));
        rows.put(id, row);
    }

    private void remove(Id id, String what) {
        Row before = rows.get(id);
        transactions.onRollback(what + " of an idempotency key", () -> restore(id, before));
        rows.remove(id);
    }

    private synchronized void restore(Id id, Row before) {
        if (before == null) {
            rows.remove(id);
        } else {
            rows.put(id, before);
        }
    }
}
