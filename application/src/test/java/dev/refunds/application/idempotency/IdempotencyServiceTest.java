package dev.refunds.application.idempotency;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.fakes.MutableClock;
import dev.refunds.application.idempotency.IdempotencyStore.KeyRecord;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every branch of {@link IdempotencyService}, with the colleague's fakes for the refund itself (a refund row, the
 * payment's reservation, a {@code refund.created} outbox event) and an in-memory key store. A request that is
 * "still running" is one whose action is on the stack while another request, on another thread, asks with the
 * same key; each thread has its own transaction ({@link UndoLogTransactions}), so what rolls back is only the
 * rolled-back request's writes.
 */
class IdempotencyServiceTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String KEY = "order-42-refund";
    private static final String HASH = "hash of POST /refunds {amount: 10.00}";
    private static final String OTHER_HASH = "hash of POST /refunds {amount: 20.00}";

    private final FakeWorld world = FakeWorld.direct();
    private final MutableClock clock = world.clock;
    private final UndoLogTransactions transactions = new UndoLogTransactions();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(transactions);
    private final IdempotencyService service = new IdempotencyService(store, transactions, clock, LEASE);
    /** Actions whose transaction committed (an action of a key that exists runs only to roll back). */
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    private Business business;
    private Payment payment;
    private String scope;

    @BeforeEach
    void aPaidPayment() {
        business = world.autoBusiness();
        payment = world.completedPayment(business, "100.00");
        scope = business.id().value();
    }

    // ---- a new key ----------------------------------------------------------------------------------------------

    @Test
    void a_new_key_runs_the_request_once_and_keeps_its_response_on_the_key() {
        IdempotentOutcome outcome = service.execute(scope, KEY, HASH, refund("10.00"));

        StoredResponse response = executed(outcome);
        assertThat(runs).hasValue(1);
        assertThat(world.refunds.all()).extracting(refund -> refund.id().value())
                .containsExactly(refundIdIn(response));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED);
        KeyRecord kept = store.find(scope, KEY).orElseThrow();
        assertThat(kept.requestHash()).isEqualTo(HASH);
        assertThat(kept.response()).contains(response);
        assertThat(transactions.commits()).as("one transaction").isEqualTo(1);
    }

    // ---- replay -------------------------------------------------------------------------------------------------

    @Test
    void the_same_request_again_replays_the_first_response_and_changes_nothing() {
        StoredResponse first = executed(service.execute(scope, KEY, HASH, refund("10.00")));
        FakeWorld.State before = world.state();

        IdempotentOutcome again = service.execute(scope, KEY, HASH, refund("10.00"));

        assertThat(again).isEqualTo(new IdempotentOutcome.Replayed(first));
        assertThat(runs).as("only the first request's run was kept").hasValue(1);
        assertThat(world.state()).isEqualTo(before);
        assertThat(store.find(scope, KEY).orElseThrow().response()).contains(first);
    }

    @Test
    void a_finished_key_replays_long_after_its_lease_ran_out() {
        StoredResponse first = executed(service.execute(scope, KEY, HASH, refund("10.00")));
        clock.advance(Duration.ofHours(23));

        assertThat(service.execute(scope, KEY, HASH, refund("10.00")))
                .isEqualTo(new IdempotentOutcome.Replayed(first));
        assertThat(runs).hasValue(1);
        assertThat(world.refunds.all()).hasSize(1);
    }

    // ---- reuse --------------------------------------------------------------------------------------------------

    @Test
    void the_same_key_with_another_request_is_refused_as_reused_and_changes_nothing() {
        StoredResponse first = executed(service.execute(scope, KEY, HASH, refund("10.00")));
        FakeWorld.State before = world.state();

        IdempotentOutcome reused = service.execute(scope, KEY, OTHER_HASH, refund("20.00"));

        assertThat(reused).isEqualTo(new IdempotentOutcome.KeyReused());
        assertThat(runs).hasValue(1);
        assertThat(world.state()).isEqualTo(before);
        KeyRecord kept = store.find(scope, KEY).orElseThrow();
        assertThat(kept.requestHash()).isEqualTo(HASH);
        assertThat(kept.response()).contains(first);
    }

    @Test
    void another_request_with_a_key_still_in_progress_is_refused_as_reused_too() {
        leftInProgress(clock.instant());
        FakeWorld.State before = world.state();

        IdempotentOutcome other = service.execute(scope, KEY, OTHER_HASH, refund("20.00"));

        assertThat(other).isEqualTo(new IdempotentOutcome.KeyReused());
        assertThat(runs).as("nothing was kept").hasValue(0);
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void a_request_whose_key_another_request_committed_while_it_ran_is_refused_as_reused_and_its_refund_rolls_back() {
        AtomicReference<IdempotentOutcome> meanwhile = new AtomicReference<>();

        IdempotentOutcome first = service.execute(scope, KEY, HASH, () -> {
            meanwhile.set(elsewhere(() -> service.execute(scope, KEY, OTHER_HASH, refund("20.00"))));
            return refund("10.00").get();
        });

        StoredResponse committed = executed(meanwhile.get());
        assertThat(first).isEqualTo(new IdempotentOutcome.KeyReused());
        assertThat(attempts).as("both ran their action").hasValue(2);
        assertThat(runs).as("only the other request's refund was kept").hasValue(1);
        assertThat(world.refunds.all()).extracting(refund -> refund.id().value())
                .containsExactly(refundIdIn(committed));
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(FakeWorld.bdt("80.00"));
        assertThat(store.find(scope, KEY).orElseThrow().requestHash()).isEqualTo(OTHER_HASH);
    }

    // ---- in progress --------------------------------------------------------------------------------------------

    @Test
    void a_retry_that_commits_while_the_first_request_still_runs_wins_and_the_first_replays_its_answer() {
        AtomicReference<IdempotentOutcome> retry = new AtomicReference<>();
        AtomicReference<KeyRecord> seenMeanwhile = new AtomicReference<>();

        IdempotentOutcome first = service.execute(scope, KEY, HASH, () -> {
            seenMeanwhile.set(store.find(scope, KEY).orElse(null));
            retry.set(elsewhere(() -> service.execute(scope, KEY, HASH, refund("10.00"))));
            return refund("10.00").get();
        });

        assertThat(seenMeanwhile.get()).as("a new key is written only with its response").isNull();
        StoredResponse response = executed(retry.get());
        assertThat(first).isEqualTo(new IdempotentOutcome.Replayed(response));
        assertThat(runs).as("one run was kept").hasValue(1);
        assertThat(world.refunds.all()).hasSize(1);
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(FakeWorld.bdt("90.00"));
        assertThat(store.find(scope, KEY).orElseThrow().response()).contains(response);
    }

    // ---- crash and lease ------------------------------------------------------------------------------------------

    @Test
    void a_crashed_request_leaves_no_key_and_no_change_so_the_next_retry_runs_it_once() {
        assertThatThrownBy(() -> service.execute(scope, KEY, HASH, crashingAfter(refund("10.00"))))
                .isInstanceOf(Crash.class);
        assertThat(store.find(scope, KEY)).as("the key rolled back with the request's writes").isEmpty();
        assertThat(world.refunds.all()).isEmpty();
        assertThat(world.outbox.events()).isEmpty();

        StoredResponse response = executed(service.execute(scope, KEY, HASH, refund("10.00")));

        assertThat(attempts).hasValue(2);
        assertThat(runs).hasValue(1);
        assertThat(world.refunds.all()).extracting(refund -> refund.id().value())
                .containsExactly(refundIdIn(response));
        assertThat(store.find(scope, KEY).orElseThrow().response()).contains(response);
    }

    @Test
    void a_key_left_in_progress_by_a_crashed_instance_holds_until_its_lease_runs_out_then_one_retry_takes_over_and_runs_once() {
        Instant start = clock.instant();
        KeyRecord crashed = leftInProgress(start);

        assertThat(service.execute(scope, KEY, HASH, refund("10.00"))).isEqualTo(new IdempotentOutcome.InProgress());
        clock.set(start.plus(LEASE).minusMillis(1));
        assertThat(service.execute(scope, KEY, HASH, refund("10.00"))).isEqualTo(new IdempotentOutcome.InProgress());
        assertThat(runs).as("nothing kept so far").hasValue(0);

        clock.set(start.plus(LEASE).plusMillis(1));
        StoredResponse response = executed(service.execute(scope, KEY, HASH, refund("10.00")));

        assertThat(runs).hasValue(1);
        assertThat(world.refunds.all()).extracting(refund -> refund.id().value())
                .containsExactly(refundIdIn(response));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED);
        KeyRecord taken = store.find(scope, KEY).orElseThrow();
        assertThat(taken.ownerToken()).isNotEqualTo(crashed.ownerToken());
        assertThat(taken.response()).contains(response);
        assertThat(service.execute(scope, KEY, HASH, refund("10.00")))
                .isEqualTo(new IdempotentOutcome.Replayed(response));
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_take_over_gets_a_lease_of_its_own_so_a_retry_during_it_answers_in_progress() {
        leftInProgress(clock.instant());
        clock.advance(LEASE.plusSeconds(1));
        AtomicReference<IdempotentOutcome> duringTakeOver = new AtomicReference<>();

        IdempotentOutcome takeOver = service.execute(scope, KEY, HASH, afterTheTakeOver(() -> {
            clock.advance(LEASE.minusMillis(1));
            duringTakeOver.set(elsewhere(() -> service.execute(scope, KEY, HASH, refund("10.00"))));
            return refund("10.00").get();
        }));

        assertThat(duringTakeOver.get()).isEqualTo(new IdempotentOutcome.InProgress());
        executed(takeOver);
        assertThat(world.refunds.all()).hasSize(1);
    }

    @Test
    void the_slow_first_owner_of_a_taken_over_key_cannot_commit_its_effects_roll_back_and_it_answers_in_progress() {
        AtomicReference<IdempotentOutcome> takeOver = new AtomicReference<>();
        AtomicReference<FakeWorld.State> afterTakeOver = new AtomicReference<>();
        leftInProgress(clock.instant());
        clock.advance(LEASE.plusSeconds(1));     // the slow request takes over a claim a crashed instance left

        IdempotentOutcome slow = service.execute(scope, KEY, HASH, afterTheTakeOver(() -> {
            clock.advance(LEASE.plusSeconds(1));    // the first owner hangs past its lease ...
            takeOver.set(elsewhere(() -> service.execute(scope, KEY, HASH, refund("10.00"))));
            afterTakeOver.set(world.state());       // ... a retry took the key over and committed ...
            return refund("10.00").get();           // ... and then the first owner does its work after all
        }));

        assertThat(slow).isEqualTo(new IdempotentOutcome.InProgress());
        StoredResponse committed = executed(takeOver.get());
        assertThat(attempts).as("both ran their action after a run that found the key taken").hasValue(4);
        assertThat(runs).as("one was kept").hasValue(1);
        assertThat(world.state()).as("the slow owner's refund and event rolled back").isEqualTo(afterTakeOver.get());
        assertThat(world.refunds.all()).extracting(refund -> refund.id().value())
                .containsExactly(refundIdIn(committed));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED);
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(FakeWorld.bdt("90.00"));
        assertThat(store.find(scope, KEY).orElseThrow().response()).contains(committed);
        assertThat(service.execute(scope, KEY, HASH, refund("10.00")))
                .isEqualTo(new IdempotentOutcome.Replayed(committed));
    }

    // ---- failures -----------------------------------------------------------------------------------------------

    @Test
    void when_the_request_throws_the_key_is_released_its_effects_roll_back_and_the_same_exception_is_rethrown() {
        IllegalStateException boom = new IllegalStateException("processor down");

        assertThatThrownBy(() -> service.execute(scope, KEY, HASH, () -> {
            refund("10.00").get();
            throw boom;
        })).isSameAs(boom);

        assertThat(store.find(scope, KEY)).as("the key is free again").isEmpty();
        assertThat(world.refunds.all()).isEmpty();
        assertThat(world.outbox.events()).isEmpty();
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(FakeWorld.bdt("100.00"));
        StoredResponse fixed = executed(service.execute(scope, KEY, OTHER_HASH, refund("20.00")));
        assertThat(world.refunds.all()).extracting(refund -> refund.id().value())
                .containsExactly(refundIdIn(fixed));
    }

    @Test
    void a_failing_slow_owner_does_not_release_a_key_that_another_request_took_over() {
        IllegalStateException boom = new IllegalStateException("late failure");
        AtomicReference<IdempotentOutcome> takeOver = new AtomicReference<>();
        leftInProgress(clock.instant());
        clock.advance(LEASE.plusSeconds(1));     // the slow request takes over a claim a crashed instance left

        assertThatThrownBy(() -> service.execute(scope, KEY, HASH, afterTheTakeOver(() -> {
            clock.advance(LEASE.plusSeconds(1));
            takeOver.set(elsewhere(() -> service.execute(scope, KEY, HASH, refund("10.00"))));
            throw boom;
        }))).isSameAs(boom);

        StoredResponse committed = executed(takeOver.get());
        assertThat(store.find(scope, KEY).orElseThrow().response()).contains(committed);
        assertThat(service.execute(scope, KEY, HASH, refund("10.00")))
                .isEqualTo(new IdempotentOutcome.Replayed(committed));
        assertThat(world.refunds.all()).hasSize(1);
    }

    @Test
    void when_keeping_the_response_fails_the_change_rolls_back_with_it_and_the_key_is_released() {
        RuntimeException lost = new RuntimeException("connection lost while writing the response");
        FailingCompleteStore failing = new FailingCompleteStore(store, lost);
        IdempotencyService onFailingStore = new IdempotencyService(failing, transactions, clock, LEASE);

        assertThatThrownBy(() -> onFailingStore.execute(scope, KEY, HASH, refund("10.00"))).isSameAs(lost);

        assertThat(world.refunds.all()).as("no change without its key").isEmpty();
        assertThat(world.outbox.events()).isEmpty();
        assertThat(store.find(scope, KEY)).isEmpty();
    }

    // ---- claim races --------------------------------------------------------------------------------------------

    @Test
    void when_another_request_writes_the_key_just_before_this_ones_insert_this_ones_work_rolls_back_and_it_replays() {
        StoredResponse theirs = new StoredResponse(202, "{\"refundId\":\"theirs\"}");
        RacingStore racing = new RacingStore(store, () -> store.arrange(scope, KEY,
                new KeyRecord(HASH, "the-other-request", clock.instant(), Optional.of(theirs)), clock.instant()));
        IdempotencyService loser = new IdempotencyService(racing, transactions, clock, LEASE);
        FakeWorld.State before = world.state();

        IdempotentOutcome outcome = loser.execute(scope, KEY, HASH, refund("10.00"));

        assertThat(outcome).isEqualTo(new IdempotentOutcome.Replayed(theirs));
        assertThat(attempts).as("its action ran before its insert").hasValue(1);
        assertThat(runs).as("and was not kept").hasValue(0);
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void a_key_that_keeps_losing_the_insert_race_answers_in_progress_after_a_bounded_number_of_attempts() {
        AtomicInteger inserts = new AtomicInteger();
        IdempotencyStore neverWins = new NeverWinningStore(inserts);
        IdempotencyService onIt = new IdempotencyService(neverWins, transactions, clock, LEASE);

        IdempotentOutcome outcome = onIt.execute(scope, KEY, HASH, refund("10.00"));

        assertThat(outcome).isEqualTo(new IdempotentOutcome.InProgress());
        assertThat(runs).hasValue(0);
        assertThat(inserts.get()).isBetween(1, 10);
    }

    // ---- scope --------------------------------------------------------------------------------------------------

    @Test
    void the_same_key_in_two_scopes_is_two_keys() {
        Business other = world.autoBusiness();
        Payment otherPayment = world.completedPayment(other, "50.00");

        StoredResponse mine = executed(service.execute(scope, KEY, HASH, refund("10.00")));
        StoredResponse theirs = executed(service.execute(other.id().value(), KEY, HASH,
                refund(other, otherPayment, "10.00")));

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(runs).hasValue(2);
        assertThat(world.refunds.all()).hasSize(2);
    }

    // ---- what may be kept ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 500, 502, 503, 199})
    void a_400_or_a_server_error_is_never_kept(int status) {
        assertThatThrownBy(() -> new StoredResponse(status, "{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {200, 201, 202, 404, 409, 422})
    void a_success_or_a_final_refusal_may_be_kept(int status) {
        assertThatCode(() -> new StoredResponse(status, "{}")).doesNotThrowAnyException();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Stands for the process dying: not an exception the service may catch and clean up after. */
    static final class Crash extends Error {
        Crash() {
            super("the instance died", null, false, false);
        }
    }

    private Supplier<StoredResponse> refund(String amount) {
        return refund(business, payment, amount);
    }

    /** A refund through the real use case; its writes roll back with the transaction it runs in. */
    private Supplier<StoredResponse> refund(Business owner, Payment paid, String amount) {
        return () -> {
            attempts.incrementAndGet();
            transactions.afterCommit(runs::incrementAndGet);
            transactions.enlist(world.payments, world.refunds, world.outbox);
            Refund refund = world.requestRefund.handle(FakeWorld.refundCommand(owner, paid, amount))
                    .orElseThrow().refund();
            return new StoredResponse(202, "{\"refundId\":\"" + refund.id().value() + "\"}");
        };
    }

    /**
     * A claim without a response, as an instance running the two-step claim alone (before the key moved into the
     * request's own transaction) leaves when it dies, claimed at {@code at}.
     */
    private KeyRecord leftInProgress(Instant at) {
        KeyRecord claim = new KeyRecord(HASH, "owner-that-crashed", at.plus(LEASE), Optional.empty());
        store.arrange(scope, KEY, claim, at);
        return claim;
    }

    /**
     * An action for a key left in progress: its first run is the one that finds the key taken when writing it and
     * rolls back, so it only refunds; its second, after the take-over, is {@code thenRun}.
     */
    private Supplier<StoredResponse> afterTheTakeOver(Supplier<StoredResponse> thenRun) {
        AtomicInteger calls = new AtomicInteger();
        Supplier<StoredResponse> first = refund("10.00");
        return () -> calls.incrementAndGet() == 1 ? first.get() : thenRun.get();
    }

    private static Supplier<StoredResponse> crashingAfter(Supplier<StoredResponse> action) {
        return () -> {
            action.get();
            throw new Crash();
        };
    }

    private static StoredResponse executed(IdempotentOutcome outcome) {
        assertThat(outcome).isInstanceOf(IdempotentOutcome.Executed.class);
        return ((IdempotentOutcome.Executed) outcome).response();
    }

    private static String refundIdIn(StoredResponse response) {
        return response.body().replaceAll("^\\{\"refundId\":\"([^\"]+)\"}$", "$1");
    }

    /** Runs {@code call} to its end on another thread (another request, with its own transactions). */
    private static <T> T elsewhere(Callable<T> call) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(call).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the other request did not finish", e);
        } finally {
            thread.shutdownNow();
        }
    }

    /** The store, except that keeping a response (with a new key or onto a claimed one) fails. */
    private static final class FailingCompleteStore extends DelegatingStore {
        private final RuntimeException failure;

        FailingCompleteStore(IdempotencyStore delegate, RuntimeException failure) {
            super(delegate);
            this.failure = failure;
        }

        @Override
        public boolean insertCompleted(String scope, String key, String requestHash, String ownerToken,
                                       StoredResponse response, Instant now) {
            throw failure;
        }

        @Override
        public boolean complete(String scope, String key, String ownerToken, StoredResponse response) {
            throw failure;
        }
    }

    /** The store, except that another request gets to write the key just before this one's first insert. */
    private static final class RacingStore extends DelegatingStore {
        private Runnable beforeFirstInsert;

        RacingStore(IdempotencyStore delegate, Runnable beforeFirstInsert) {
            super(delegate);
            this.beforeFirstInsert = beforeFirstInsert;
        }

        @Override
        public boolean insert(String scope, String key, String requestHash, String ownerToken, Instant leaseUntil,
                              Instant now) {
            race();
            return super.insert(scope, key, requestHash, ownerToken, leaseUntil, now);
        }

        @Override
        public boolean insertCompleted(String scope, String key, String requestHash, String ownerToken,
                                       StoredResponse response, Instant now) {
            race();
            return super.insertCompleted(scope, key, requestHash, ownerToken, response, now);
        }

        private void race() {
            if (beforeFirstInsert != null) {
                Runnable race = beforeFirstInsert;
                beforeFirstInsert = null;
                race.run();
            }
        }
    }

    /** A key that is never found and whose insert always loses. */
    private static final class NeverWinningStore extends DelegatingStore {
        private final AtomicInteger inserts;

        NeverWinningStore(AtomicInteger inserts) {
            super(null);
            this.inserts = inserts;
        }

        @Override
        public Optional<KeyRecord> lock(String scope, String key) {
            return Optional.empty();
        }

        @Override
        public boolean insert(String scope, String key, String requestHash, String ownerToken, Instant leaseUntil,
                              Instant now) {
            inserts.incrementAndGet();
            return false;
        }

        @Override
        public boolean insertCompleted(String scope, String key, String requestHash, String ownerToken,
                                       StoredResponse response, Instant now) {
            inserts.incrementAndGet();
            return false;
        }
    }

    private static class DelegatingStore implements IdempotencyStore {
        private final IdempotencyStore delegate;

        DelegatingStore(IdempotencyStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<KeyRecord> lock(String scope, String key) {
            return delegate.lock(scope, key);
        }

        @Override
        public boolean insert(String scope, String key, String requestHash, String ownerToken, Instant leaseUntil,
                              Instant now) {
            return delegate.insert(scope, key, requestHash, ownerToken, leaseUntil, now);
        }

        @Override
        public boolean insertCompleted(String scope, String key, String requestHash, String ownerToken,
                                       StoredResponse response, Instant now) {
            return delegate.insertCompleted(scope, key, requestHash, ownerToken, response, now);
        }

        @Override
        public void takeOver(String scope, String key, String ownerToken, Instant leaseUntil) {
            delegate.takeOver(scope, key, ownerToken, leaseUntil);
        }

        @Override
        public boolean complete(String scope, String key, String ownerToken, StoredResponse response) {
            return delegate.complete(scope, key, ownerToken, response);
        }

        @Override
        public void release(String scope, String key, String ownerToken) {
            delegate.release(scope, key, ownerToken);
        }

        @Override
        public int purgeCreatedBefore(Instant cutoff, int limit) {
            return delegate.purgeCreatedBefore(cutoff, limit);
        }
    }
}
