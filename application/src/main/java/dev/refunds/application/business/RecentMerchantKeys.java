package dev.refunds.application.business;

import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Businesses whose current API key the database confirmed a moment ago, found by the presented key's hash, so that
 * a merchant's burst of requests does not pay a read and a commit of its own before each one. An entry lives for
 * {@code ttl} at most; a key rotated on this instance drops its business's entries at once. Another instance may
 * still accept a revoked key until its own entry expires (README, "Settings"). A zero ttl caches nothing.
 */
public final class RecentMerchantKeys {
    /** Only keys that worked are kept, so this bounds memory against a flood of businesses, not of guesses. */
    static final int ENTRIES_MAX = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> byKeyHash = new ConcurrentHashMap<>();
    /** Counts forgets: an entry read from the database before a forget must not be kept after it. */
    private final AtomicLong forgets = new AtomicLong();

    public RecentMerchantKeys(Duration ttl, Clock clock) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the API key cache's ttl must not be negative: " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    public static RecentMerchantKeys none() {
        return new RecentMerchantKeys(Duration.ZERO, Clock.systemUTC());
    }

    boolean enabled() {
        return !ttl.isZero();
    }

    /** The business this key was confirmed for, if still fresh and named by the same two ids. */
    Optional<Business> find(String keyHash, String businessId, String clientId) {
        Entry entry = byKeyHash.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            byKeyHash.remove(keyHash, entry);
            return Optional.empty();
        }
        Business business = entry.business();
        return business.id().value().equals(businessId) && business.clientId().value().equals(clientId)
                ? Optional.of(business) : Optional.empty();
    }

    /** Taken before the database read whose answer {@link #remember} may keep. */
    long mark() {
        return forgets.get();
    }

    void remember(String keyHash, Business business, long mark) {
        if (!enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (byKeyHash.size() >= ENTRIES_MAX) {
            byKeyHash.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (byKeyHash.size() >= ENTRIES_MAX) {
                return;
            }
        }
        Entry entry = new Entry(business, now.plus(ttl));
        byKeyHash.put(keyHash, entry);
        if (forgets.get() != mark) {
            byKeyHash.remove(keyHash, entry);   // a rotation ran meanwhile: what the read saw may be revoked
        }
    }

    /** Every key of this business is looked up in the database again from now on. */
    public void forget(BusinessId businessId) {
        forgets.incrementAndGet();
        byKeyHash.values().removeIf(entry -> entry.business().id().equals(businessId));
    }

    private record Entry(Business business, Instant expiresAt) {
    }
}
