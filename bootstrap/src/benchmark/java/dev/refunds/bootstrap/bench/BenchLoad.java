package dev.refunds.bootstrap.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * HTTP load from this process, one thread per connection. Two shapes:
 * <ul>
 *   <li>{@link #closedLoop}: every connection sends its next request as soon as the previous one is answered
 *       (the saturation throughput);</li>
 *   <li>{@link #constantRate}: request {@code i} is due at {@code start + i / rate}, whoever is free sends it,
 *       and its latency is measured from that intended time, not from when it actually left. A stalled service
 *       therefore shows up as latency for every request it delayed (no coordinated omission).</li>
 * </ul>
 * Latencies are recorded in microseconds in HdrHistograms, one per thread, merged at the end.
 */
final class BenchLoad {
    static final long HIGHEST_US = TimeUnit.SECONDS.toMicros(120);

    private BenchLoad() {
    }

    /** What one run measured: only requests that completed inside the measured window count. */
    record Result(double seconds, long ok, long failed, Map<Integer, Long> statuses, long ioErrors, long reconnects,
                  long sent, Histogram latencyUs) {
        double okPerSecond() {
            return ok / seconds;
        }

        double sentPerSecond() {
            return sent / seconds;
        }

        String statusSummary() {
            StringBuilder text = new StringBuilder();
            statuses.forEach((status, count) -> text.append(text.length() == 0 ? "" : ", ").append(status)
                    .append('×').append(count));
            if (ioErrors > 0) {
                text.append(text.length() == 0 ? "" : ", ").append("io errors×").append(ioErrors);
            }
            return text.toString();
        }
    }

    /** Thread-local tallies of one connection. */
    private static final class Tally {
        final Histogram latency = new Histogram(HIGHEST_US, 3);
        final Map<Integer, Long> statuses = new TreeMap<>();
        long ok;
        long failed;
        long ioErrors;
        long sent;
        long reconnects;

        void record(int status, long latencyNanos) {
            latency.recordValue(Math.min(HIGHEST_US, Math.max(1, latencyNanos / 1000)));
            statuses.merge(status, 1L, Long::sum);
            if (status >= 200 && status < 300) {
                ok++;
            } else {
                failed++;
            }
        }
    }

    static Result closedLoop(int port, int connections, LongFunction<byte[]> requests, double warmupSeconds,
                             double measureSeconds) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + seconds(warmupSeconds);
        long measureTo = measureFrom + seconds(measureSeconds);
        AtomicLong sequence = new AtomicLong();
        List<Tally> tallies = run(connections, tally -> {
            try (BenchHttp http = new BenchHttp("127.0.0.1", port)) {
                sleepUntil(start);
                for (long n = 0; n < 100_000_000L; n++) {
                    long sentAt = System.nanoTime();
                    if (sentAt >= measureTo) {
                        break;
                    }
                    byte[] request = requests.apply(sequence.getAndIncrement());
                    int status = exchange(http, request, tally);
                    long done = System.nanoTime();
                    if (sentAt >= measureFrom && sentAt < measureTo) {
                        tally.sent++;
                    }
                    if (done >= measureFrom && done <= measureTo && status > 0) {
                        tally.record(status, done - sentAt);
                    }
                }
                tally.reconnects = http.reconnects();
            }
        });
        return merge(tallies, measureSeconds);
    }

    static Result constantRate(int port, int connections, LongFunction<byte[]> requests, double rate,
                               double warmupSeconds, double measureSeconds) {
        long periodNanos = Math.max(1, (long) (1e9 / rate));
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + seconds(warmupSeconds);
        long measureTo = measureFrom + seconds(measureSeconds);
        long total = (measureTo - start) / periodNanos;
        long giveUpAt = measureTo + TimeUnit.SECONDS.toNanos(60);
        AtomicLong tickets = new AtomicLong();
        List<Tally> tallies = run(connections, tally -> {
            try (BenchHttp http = new BenchHttp("127.0.0.1", port)) {
                for (long n = 0; n < total; n++) {
                    long ticket = tickets.getAndIncrement();
                    if (ticket >= total || System.nanoTime() > giveUpAt) {
                        break;
                    }
                    long intended = start + ticket * periodNanos;
                    sleepUntil(intended);
                    byte[] request = requests.apply(ticket);
                    int status = exchange(http, request, tally);
                    long done = System.nanoTime();
                    if (intended >= measureFrom && status > 0) {
                        tally.sent++;
                        tally.record(status, done - intended);
                    }
                }
                tally.reconnects = http.reconnects();
            }
        });
        return merge(tallies, measureSeconds);
    }

    private static int exchange(BenchHttp http, byte[] request, Tally tally) {
        try {
            return http.send(request).status();
        } catch (IOException e) {
            tally.ioErrors++;
            http.close();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            return -1;
        }
    }

    private interface Worker {
        void run(Tally tally) throws Exception;
    }

    private static List<Tally> run(int connections, Worker worker) {
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Tally tally = new Tally();
            tallies.add(tally);
            Thread thread = new Thread(() -> {
                try {
                    worker.run(tally);
                } catch (Exception e) {
                    tally.ioErrors++;
                }
            }, "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.MINUTES.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return tallies;
    }

    private static Result merge(List<Tally> tallies, double measureSeconds) {
        Histogram all = new Histogram(HIGHEST_US, 3);
        Map<Integer, Long> statuses = new TreeMap<>();
        long ok = 0;
        long failed = 0;
        long ioErrors = 0;
        long reconnects = 0;
        long sent = 0;
        for (Tally tally : tallies) {
            all.add(tally.latency);
            tally.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            ok += tally.ok;
            failed += tally.failed;
            ioErrors += tally.ioErrors;
            reconnects += tally.reconnects;
            sent += tally.sent;
        }
        return new Result(measureSeconds, ok, failed, statuses, ioErrors, reconnects, sent, all);
    }

    static long seconds(double seconds) {
        return (long) (seconds * 1e9);
    }

    static void sleepUntil(long nanoTime) {
        for (int i = 0; i < 1_000_000; i++) {
            long wait = nanoTime - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            LockSupport.parkNanos(wait);
        }
    }
}
