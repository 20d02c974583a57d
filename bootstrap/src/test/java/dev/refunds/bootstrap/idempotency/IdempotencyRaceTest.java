package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static dev.refunds.bootstrap.idempotency.IdempotencyHarness.keyed;
import static dev.refunds.bootstrap.idempotency.IdempotencyHarness.refundBody;
import static dev.refunds.bootstrap.idempotency.IdempotencyHarness.refunds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances on one database, and {@value #REQUESTS} identical requests with one key released
 * at once, alternating between the instances: only the database can keep them to one execution. Exactly one
 * refund (or payment) is made, with one {@code refund.created} event; every answer is the first answer (byte for
 * byte, a replay marked so) or {@code 409 IDEMPOTENCY_IN_PROGRESS}; none is a server error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryBackend
class IdempotencyRaceTest {
    static final int REQUESTS = 40;

    RunningService one;
    RunningService two;
    Database database;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    @BeforeParameterizedClassInvocation
    void startTwoInstances() {
        JdbcSettings shared = backend().newDatabase();
        one = RunningService.start(shared.onNode(0));   // on a cluster: two different nodes
        two = RunningService.start(shared.onNode(1));
        database = new Database(shared);
    }

    @AfterParameterizedClassInvocation
    void stopThem() {
        if (one != null) {
            one.close();
            one = null;
        }
        if (two != null) {
            two.close();
            two = null;
        }
    }

    @RepeatedTest(3)
    void concurrent_identical_refunds_with_one_key_on_two_instances_make_exactly_one_refund_and_one_event() {
        Merchant merchant = one.api().createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = one.api().payment(merchant, "100.00", "BDT", "LINK", true).path("paymentId").asText();

        List<ApiResponse> answers = race(i -> api(i).post(refunds(paymentId), refundBody("10.00"),
                keyed(merchant, "the-one-refund")));

        assertOneExecution(answers, 202);
        assertThat(database.refundsOf(paymentId)).as("refund rows of %s", paymentId).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).as("refund.created events").isEqualTo(1);
        assertThat(database.eventsOf(paymentId)).as("all events").isEqualTo(1);
        ApiResponse after = two.api().post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "the-one-refund"));
        IdempotencyHarness.assertReplayOf(withoutReplayHeader(answers), after);
        assertThat(one.api().get("/api/v1/payments/" + paymentId, merchant.headers()).data()
                .path("refundableAmount").asText()).isEqualTo("90.00");
    }

    @Test
    void concurrent_identical_payments_with_one_key_on_two_instances_create_exactly_one_payment() {
        Merchant merchant = one.api().createBusiness("AUTO", "MULTIPLE", null);

        List<ApiResponse> answers = race(i -> api(i).post(IdempotencyHarness.PAYMENTS,
                "{\"amount\":\"75.00\",\"currency\":\"BDT\"}", keyed(merchant, "the-one-payment")));

        assertOneExecution(answers, 201);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Api api(int request) {
        return request % 2 == 0 ? one.api() : two.api();
    }

    /**
     * Every answer is the success (one body for all, exactly one of them not marked replayed) or 409 in progress.
     */
    private static void assertOneExecution(List<ApiResponse> answers, int success) {
        String statuses = new TreeMap<>(answers.stream().collect(Collectors.groupingBy(
                answer -> answer.status() + " " + answer.errorCode()
                        + (answer.headers().firstValue(IdempotencyHarness.REPLAYED).isPresent() ? " replayed" : ""),
                Collectors.counting()))).toString();
        System.out.println("answers of the race: " + statuses);
        assertThat(answers).as("no server error among %s", statuses).noneMatch(answer -> answer.status() >= 500);
        assertThat(answers).as("only %d or 409 IDEMPOTENCY_IN_PROGRESS among %s", success, statuses)
                .allMatch(answer -> answer.status() == success
                        || answer.status() == 409 && "IDEMPOTENCY_IN_PROGRESS".equals(answer.errorCode()));
        List<ApiResponse> successes = answers.stream().filter(answer -> answer.status() == success).toList();
        assertThat(successes).as("successes among %s", statuses).isNotEmpty();
        Set<String> bodies = successes.stream().map(ApiResponse::raw).collect(Collectors.toSet());
        assertThat(bodies).as("every success is the same answer, byte for byte").hasSize(1);
        assertThat(successes).filteredOn(answer -> answer.headers().firstValue(IdempotencyHarness.REPLAYED).isEmpty())
                .as("the one answer that ran the request").hasSize(1);
        assertThat(successes).filteredOn(answer -> answer.headers().firstValue(IdempotencyHarness.REPLAYED).isPresent())
                .allSatisfy(answer -> assertThat(answer.headers().firstValue(IdempotencyHarness.REPLAYED))
                        .contains("true"));
    }

    private static ApiResponse withoutReplayHeader(List<ApiResponse> answers) {
        return answers.stream().filter(answer -> answer.status() < 300
                && answer.headers().firstValue(IdempotencyHarness.REPLAYED).isEmpty()).findFirst().orElseThrow();
    }

    /** Sends {@value #REQUESTS} requests released together; returns every answer. */
    private static List<ApiResponse> race(IntFunction<ApiResponse> request) {
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch ready = new CountDownLatch(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int index = i;
                Callable<ApiResponse> call = () -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                };
                sent.add(threads.submit(call));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads ready").isTrue();
            go.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> future : sent) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } catch (Exception e) {
            throw new AssertionError("the race did not finish", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
