package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry that arrives while the first request with its key still runs (held on the payment's row lock) waits for it
 * and replays its answer: one refund, one event. Many instances racing one key: {@link IdempotencyRaceTest}.
 */
@OnEveryBackend
class RetryWhileTheFirstRunsTest extends IdempotencyHarness {

    @Test
    void a_retry_while_the_first_refund_still_runs_waits_for_it_and_replays_its_answer_and_one_refund_is_made()
            throws Exception {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        CompletableFuture<ApiResponse> first;
        CompletableFuture<ApiResponse> retry;
        try (Database.RowLock slow = database.lockPayment(paymentId)) {
            first = CompletableFuture.supplyAsync(() -> api.post(refunds(paymentId), refundBody("40.00"),
                    keyed(merchant, "refund-1")));
            Thread.sleep(300);
            retry = CompletableFuture.supplyAsync(() -> api.post(refunds(paymentId), refundBody("40.00"),
                    keyed(merchant, "refund-1")));
            Thread.sleep(300);
            assertThat(database.key(merchant.businessId(), "refund-1"))
                    .as("nothing of a request is seen before it commits").isEmpty();
        }
        List<ApiResponse> answers = List.of(first.get(30, TimeUnit.SECONDS), retry.get(30, TimeUnit.SECONDS));

        List<ApiResponse> executed = answers.stream()
                .filter(answer -> answer.headers().firstValue(REPLAYED).isEmpty()).toList();
        assertThat(executed).as("exactly one of %s ran", answers).hasSize(1);
        assertThat(executed.get(0).status()).as("%s", executed.get(0)).isEqualTo(202);
        answers.stream().filter(answer -> answer != executed.get(0))
                .forEach(replayed -> assertReplayOf(executed.get(0), replayed));
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
    }
}
