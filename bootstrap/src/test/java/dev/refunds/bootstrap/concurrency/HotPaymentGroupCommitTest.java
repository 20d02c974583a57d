package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.concurrency.HotPaymentRequests.Ask;
import dev.refunds.bootstrap.concurrency.HotPaymentRequests.KeyUse;
import dev.refunds.bootstrap.concurrency.HotPaymentRequests.Request;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.Merchant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests racing on one hot payment are decided together (group commit) where they queue behind each other; the
 * clients must not be able to tell. Random interleavings of concurrent requests on one payment, through every
 * instance, with amounts that exhaust it, full refunds and new, replayed and reused keys: every answer must be the
 * serial model's answer at its place in the order the database committed, replays must repeat their first answer,
 * the refunds never exceed the payment, and each accepted refund has its event and, when keyed, its key.
 */
class HotPaymentGroupCommitTest {
    private static final int REQUESTS_MAX = 40;
    /** Started on first use and kept for every try of the backend (one business: a try is about one payment). */
    private static final Map<Backend, HotPaymentInstances> RUNNING = new EnumMap<>(Backend.class);

    @Property(tries = 20)
    void on_h2_with_one_instance_every_answer_is_the_serial_models_answer_in_the_committed_order(
            @ForAll("asks") List<Ask> asks, @ForAll @LongRange(min = 100, max = 50_000) long paymentMinor) {
        check(instances(Backend.H2, 1), asks, paymentMinor);
    }

    /** Two instances, each with its own pool, on one database: only the row lock orders their batches. */
    @Property(tries = 20)
    void on_mariadb_with_two_instances_every_answer_is_the_serial_models_answer_in_the_committed_order(
            @ForAll("asks") List<Ask> asks, @ForAll @LongRange(min = 100, max = 50_000) long paymentMinor) {
        check(instances(Backend.MARIADB, 2), asks, paymentMinor);
    }

    @AfterContainer
    static synchronized void stop() {
        RUNNING.values().forEach(HotPaymentInstances::close);
        RUNNING.clear();
    }

    private static synchronized HotPaymentInstances instances(Backend backend, int count) {
        return RUNNING.computeIfAbsent(backend, b -> new HotPaymentInstances(b, count));
    }

    private static void check(HotPaymentInstances running, List<Ask> asks, long paymentMinor) {
        List<Api> apis = running.apis();
        Merchant shop = running.shop();
        String paymentId = apis.get(0).payment(shop, Minor.text(paymentMinor), "BDT", "LINK", true)
                .path("paymentId").asText();
        List<Request> requests = HotPaymentRequests.of(asks, paymentMinor, UUID.randomUUID().toString());
        ApiResponse[] answers = new ApiResponse[requests.size()];
        Burst.run(requests.size(), i -> {
            Request request = requests.get(i);
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(request.delayMicros()));
            answers[i] = apis.get(request.instance() % apis.size()).post("/api/v1/payments/" + paymentId
                    + "/refunds", request.body(), request.headers(shop.headers()));
        });

        HotPaymentAnswers told = HotPaymentAnswers.check(requests, answers, running.database(), shop.businessId());
        Books books = Books.read(running.database(), paymentId);
        List<SerialRefundModel.Committed> committed = books.refunds().values().stream()
                .map(refund -> new SerialRefundModel.Committed(refund.refundId(), refund.amountMinor())).toList();
        assertThat(told.broken()).as("what the clients and the keys were told").isEmpty();
        assertThat(SerialRefundModel.violations(paymentMinor, committed, told.decisions()))
                .as("decisions against the serial model; committed %s", committed).isEmpty();
        long refunded = committed.stream().mapToLong(SerialRefundModel.Committed::minor).sum();
        assertThat(refunded).as("refunds of the payment").isLessThanOrEqualTo(paymentMinor);
        assertThat(books.reservedMinor()).as("what the payment reserves for refunds in flight").isEqualTo(refunded);
        assertThat(Minor.of(apis.get(apis.size() - 1).get("/api/v1/payments/" + paymentId, shop.headers())
                .text("refundableAmount"))).as("refundableAmount the API shows").isEqualTo(paymentMinor - refunded);
        assertThat(HotPaymentAnswers.createdEvents(running.database(), paymentId))
                .as("one refund.created event per accepted refund, in the committed order")
                .containsExactlyElementsOf(committed.stream().map(SerialRefundModel.Committed::refundId).toList());
    }

    @Provide
    Arbitrary<List<Ask>> asks() {
        Arbitrary<Ask> ask = Combinators.combine(
                Arbitraries.of(true, false, false, false, false),
                Arbitraries.integers().between(1, 40),
                Arbitraries.of(KeyUse.NONE, KeyUse.NEW, KeyUse.NEW, KeyUse.NEW, KeyUse.REPLAY, KeyUse.REUSE),
                Arbitraries.integers().between(0, REQUESTS_MAX),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2_000)).as(Ask::new);
        return ask.list().ofMinSize(2).ofMaxSize(REQUESTS_MAX);
    }
}
