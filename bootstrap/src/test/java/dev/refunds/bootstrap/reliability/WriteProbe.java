package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A write every 100 ms through one instance (a payment of its own business, so the load's books are not touched),
 * each answer timed: tells when writes through that instance stopped and when they resumed after a fault.
 */
final class WriteProbe implements AutoCloseable {
    private static final long EVERY_MS = 100;

    record Write(long sentNanos, long doneNanos, int status) {
    }

    private final Api http;
    private final Merchant merchant;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** 503s without the Retry-After header API.md promises. */
    final AtomicLong withoutRetryAfter = new AtomicLong();
    private final Thread thread;

    WriteProbe(Api http, Merchant merchant) {
        this.http = http;
        this.merchant = merchant;
        this.thread = new Thread(this::run, "write-probe-" + http.base().getPort());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopping.get()) {
            long sent = System.nanoTime();
            int status;
            try {
                ApiResponse answer = http.tryPost("/api/v1/payments", Api.json(Map.of("amount", "10.00",
                        "currency", "BDT")), Api.with(merchant.headers(), "X-Idempotency-Key", "probe-"
                        + UUID.randomUUID()));
                status = answer.status();
                if (status == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
                    withoutRetryAfter.incrementAndGet();
                }
            } catch (IOException noAnswer) {
                status = -1;
            }
            writes.add(new Write(sent, System.nanoTime(), status));
            Reliability.pause(EVERY_MS);
        }
    }

    /**
     * Milliseconds from {@code faultNanos} until a write sent at or after it succeeded; -1 when none did yet.
     */
    long resumedMsAfter(long faultNanos) {
        return writes.stream().filter(w -> w.sentNanos() >= faultNanos && w.status() >= 200 && w.status() < 300)
                .mapToLong(w -> (w.doneNanos() - faultNanos) / 1_000_000).findFirst().orElse(-1);
    }

    /** Writes sent in [from, to) that were applied (2xx): during a quorum loss there must be none. */
    long succeededBetween(long fromNanos, long toNanos) {
        return writes.stream().filter(w -> w.sentNanos() >= fromNanos && w.doneNanos() < toNanos
                && w.status() >= 200 && w.status() < 300).count();
    }

    long count(int status) {
        return writes.stream().filter(w -> w.status() == status).count();
    }

    long countBetween(int status, long fromNanos, long toNanos) {
        return writes.stream().filter(w -> w.sentNanos() >= fromNanos && w.doneNanos() < toNanos
                && w.status() == status).count();
    }

    long serverErrors() {
        return writes.stream().filter(w -> w.status() >= 500 && w.status() != 503).count();
    }

    @Override
    public void close() {
        stopping.set(true);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
