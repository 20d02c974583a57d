package dev.refunds.application.idempotency;

import dev.refunds.application.fakes.MutableClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries of one request with one key, interleaved any way: a retry starts (claims the key, or is answered at
 * once), a running one is resumed to its end, the clock moves below or past the lease. A retry may crash right
 * after its claim, or after its action did its writes but before its commit; the crash leaves the claim in
 * progress and rolls its writes back. After the script every running retry is resumed, the lease runs out and one
 * last retry is made. Then exactly one execution is committed, exactly one answer says so (Executed), every other
 * answer is that same response replayed or "in progress", and the last retry got the response.
 *
 * <p>Each retry runs on its own thread, but only one thread moves at a time (hand-over by semaphores), so every
 * interleaving is deterministic and jqwik can shrink a failing one.
 */
class IdempotentRetriesPropertyTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final String SCOPE = "HB_000000000001";
    private static final String KEY = "retry-me";
    private static final String HASH = "hash of the one request";
    private static final long WAIT_SECONDS = 10;

    enum Ending { COMPLETES, CRASHES_AFTER_CLAIM, CRASHES_AFTER_ACTION }

    sealed interface Step permits Retry, Resume, Advance {
    }

    /** A new retry of the request; if it gets the key, its action stops half-way until resumed. */
    record Retry(Ending ending) implements Step {
    }

    /** The running retry number {@code which} (modulo how many run) goes on to its end. */
    record Resume(int which) implements Step {
    }

    record Advance(long millis) implements Step {
    }

    @Property(tries = 500)
    void any_interleaving_of_retries_commits_exactly_one_execution_and_answers_only_its_response(
            @ForAll("scripts") List<Step> script) {
        Run run = new Run();
        try {
            for (Step step : script) {
                run.apply(step);
            }
            run.resumeAll();
            run.clock.advance(LEASE.plusMillis(1));
            Attempt last = run.start(Ending.COMPLETES);
            run.resumeAll();

            assertThat(run.unexpected()).as("nothing but a crash may be thrown").isEmpty();
            List<Integer> committed = run.ledger.committed();
            assertThat(committed).as("committed executions").hasSize(1);
            StoredResponse response = Run.response(committed.get(0));
            List<IdempotentOutcome> answers = run.answers();
            assertThat(answers).allSatisfy(answer -> assertThat(answer).isIn(
                    new IdempotentOutcome.Executed(response), new IdempotentOutcome.Replayed(response),
                    new IdempotentOutcome.InProgress()));
            assertThat(answers).filteredOn(IdempotentOutcome.Executed.class::isInstance).hasSize(1);
            assertThat(last.outcome).as("the last retry, after every lease ran out")
                    .isIn(new IdempotentOutcome.Executed(response), new IdempotentOutcome.Replayed(response));
            assertThat(run.store.find(SCOPE, KEY).orElseThrow().response()).contains(response);
        } finally {
            run.releaseAll();
        }
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> retry = Arbitraries.frequency(
                Tuple.of(3, Ending.COMPLETES), Tuple.of(1, Ending.CRASHES_AFTER_CLAIM),
                Tuple.of(1, Ending.CRASHES_AFTER_ACTION)).map(Retry::new);
        Arbitrary<Step> resume = Arbitraries.integers().between(0, 7).map(Resume::new);
        long lease = LEASE.toMillis();
        Arbitrary<Step> advance = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 2 * lease),
                Arbitraries.of(0L, 1L, lease - 1, lease, lease + 1)).map(Advance::new);
        return Arbitraries.frequencyOf(Tuple.of(4, retry), Tuple.of(3, resume), Tuple.of(3, advance))
                .list().ofMinSize(1).ofMaxSize(20);
    }

    // ---- the world of one try ------------------------------------------------------------------------------------

    /** Stands for the process dying: not an exception the service may catch and clean up after. */
    static final class Crash extends Error {
        Crash() {
            super("the instance died", null, false, false);
        }
    }

    /** What the request changes: one entry per execution, undone when that execution's transaction rolls back. */
    static final class Ledger {
        private final UndoLogTransactions transactions;
        private final List<Integer> entries = new ArrayList<>();
        private int next;

        Ledger(UndoLogTransactions transactions) {
            this.transactions = transactions;
        }

        synchronized int record() {
            int execution = ++next;
            entries.add(execution);
            transactions.onRollback("ledger entry", () -> remove(execution));
            return execution;
        }

        synchronized List<Integer> committed() {
            return List.copyOf(entries);
        }

        private synchronized void remove(int execution) {
            entries.remove(Integer.valueOf(execution));
        }
    }

    static final class Attempt {
        final Ending ending;
        final Semaphore settled = new Semaphore(0);
        final Semaphore go = new Semaphore(0);
        volatile boolean parked;
        volatile boolean crashed;
        volatile IdempotentOutcome outcome;
        volatile Throwable unexpected;

        Attempt(Ending ending) {
            this.ending = ending;
        }
    }

    static final class Run {
        final MutableClock clock = new MutableClock(Instant.parse("2026-05-17T09:00:00Z"));
        final UndoLogTransactions transactions = new UndoLogTransactions();
        final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(transactions);
        final IdempotencyService service = new IdempotencyService(store, transactions, clock, LEASE);
        final Ledger ledger = new Ledger(transactions);
        final List<Attempt> attempts = new ArrayList<>();
        final List<Attempt> running = new ArrayList<>();

        static StoredResponse response(int execution) {
            return new StoredResponse(202, "{\"execution\":" + execution + "}");
        }

        void apply(Step step) {
            if (step instanceof Retry retry) {
                start(retry.ending());
            } else if (step instanceof Resume resume) {
                if (!running.isEmpty()) {
                    resume(running.get(resume.which() % running.size()));
                }
            } else if (step instanceof Advance advance) {
                clock.advance(Duration.ofMillis(advance.millis()));
            }
        }

        /** Starts a retry and waits until it stopped half-way through its action, or ended. */
        Attempt start(Ending ending) {
            Attempt attempt = new Attempt(ending);
            attempts.add(attempt);
            Thread thread = new Thread(() -> runAttempt(attempt), "retry-" + attempts.size());
            thread.setDaemon(true);
            thread.start();
            await(attempt.settled, "retry " + attempts.size() + " to claim");
            if (attempt.parked) {
                running.add(attempt);
            }
            return attempt;
        }

        void resume(Attempt attempt) {
            running.remove(attempt);
            attempt.go.release();
            await(attempt.settled, "a resumed retry to end");
        }

        void resumeAll() {
            while (!running.isEmpty()) {
                resume(running.get(0));
            }
        }

        /** Lets every thread still waiting go, whatever happened (a failed try must not leave threads behind). */
        void releaseAll() {
            running.forEach(attempt -> attempt.go.release());
            running.clear();
        }

        List<IdempotentOutcome> answers() {
            return attempts.stream().filter(attempt -> !attempt.crashed).map(attempt -> attempt.outcome).toList();
        }

        List<Throwable> unexpected() {
            return attempts.stream().filter(attempt -> attempt.unexpected != null)
                    .map(attempt -> attempt.unexpected).toList();
        }

        private void runAttempt(Attempt attempt) {
            try {
                attempt.outcome = service.execute(SCOPE, KEY, HASH, () -> act(attempt));
            } catch (Crash crash) {
                attempt.crashed = true;
            } catch (Throwable other) {
                attempt.unexpected = other;
            } finally {
                attempt.parked = false;
                attempt.settled.release();
            }
        }

        private StoredResponse act(Attempt attempt) {
            if (attempt.ending == Ending.CRASHES_AFTER_CLAIM) {
                throw new Crash();
            }
            int execution = ledger.record();
            attempt.parked = true;
            attempt.settled.release();
            try {
                if (!attempt.go.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never resumed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (attempt.ending == Ending.CRASHES_AFTER_ACTION) {
                throw new Crash();
            }
            return response(execution);
        }

        private static void await(Semaphore semaphore, String what) {
            try {
                if (!semaphore.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("waited in vain for " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
