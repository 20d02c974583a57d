package dev.refunds.application.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that queue on one group while its leader's transaction runs are decided together in the next one, in
 * arrival order, each answered with its own result; a failing batch sends every request down its own path.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GroupCommitTest {
    private static final int QUEUED = 5;

    /** Counts outermost transactions and lets the test hold the first one open. */
    private static final class HeldTransactions implements Transactions {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger started = new AtomicInteger();

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (started.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(release);
            }
            return work.get();
        }
    }

    private final HeldTransactions transactions = new HeldTransactions();
    private final GroupCommit commits = new GroupCommit(transactions, 64);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> ranInOrder = Collections.synchronizedList(new ArrayList<>());

    @Test
    void requests_queued_behind_a_running_batch_share_the_next_transaction_in_arrival_order() throws Exception {
        Future<String> first = threads.submit(() -> commits.run("payment", work("first"), () -> "alone first"));
        await(transactions.firstStarted);
        List<Future<String>> queued = queue(() -> "alone");
        transactions.release.countDown();

        assertThat(first.get()).isEqualTo("first");
        for (int i = 0; i < QUEUED; i++) {
            assertThat(queued.get(i).get()).as("request %d's own answer", i).isEqualTo("queued " + i);
        }
        assertThat(transactions.started.get()).as("transactions for %d requests", QUEUED + 1).isEqualTo(2);
        assertThat(ranInOrder).containsExactly("first", "queued 0", "queued 1", "queued 2", "queued 3", "queued 4");
    }

    @Test
    void when_one_request_of_a_batch_fails_every_request_of_it_runs_alone() throws Exception {
        Future<String> first = threads.submit(() -> commits.run("payment", work("first"), () -> "alone first"));
        await(transactions.firstStarted);
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            int n = i;
            Supplier<String> together = n == 2 ? () -> {
                throw new IllegalStateException("a duplicate key");
            } : work("queued " + n);
            queued.add(threads.submit(() -> commits.run("payment", together, () -> "alone " + n)));
            waitUntilQueued(n + 1);
        }
        transactions.release.countDown();

        assertThat(first.get()).isEqualTo("first");
        for (int i = 0; i < QUEUED; i++) {
            assertThat(queued.get(i).get()).as("request %d", i).isEqualTo("alone " + i);
        }
    }

    @Test
    void requests_on_other_groups_never_wait_for_a_running_batch() throws Exception {
        Future<String> first = threads.submit(() -> commits.run("payment A", work("first"), () -> "alone first"));
        await(transactions.firstStarted);
        assertThat(threads.submit(() -> commits.run("payment B", work("other"), () -> "alone other"))
                .get(5, TimeUnit.SECONDS)).isEqualTo("other");
        transactions.release.countDown();
        assertThat(first.get()).isEqualTo("first");
    }

    private List<Future<String>> queue(Supplier<String> alone) {
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            Supplier<String> together = work("queued " + i);
            queued.add(threads.submit(() -> commits.run("payment", together, alone)));
            waitUntilQueued(i + 1);   // arrival order is the order the test queues them in
        }
        return queued;
    }

    private Supplier<String> work(String name) {
        return () -> {
            ranInOrder.add(name);
            return name;
        };
    }

    /** The queue is private; a waiting request shows as a thread parked in the group commit. */
    private void waitUntilQueued(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (parkedInGroupCommit() < count) {
            assertThat(System.nanoTime()).as("%d requests queued in time", count).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static long parkedInGroupCommit() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> List.of(e.getValue()).stream().anyMatch(frame -> frame.getClassName()
                        .equals(GroupCommit.class.getName()) && frame.getMethodName().equals("run")))
                .count();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
