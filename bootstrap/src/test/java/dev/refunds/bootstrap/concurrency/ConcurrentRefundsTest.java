package dev.refunds.bootstrap.concurrency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.concurrency.RefundHistory.Call;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import dev.refunds.bootstrap.support.RunningService;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No money refunded twice, whatever the concurrency": bursts of clients racing on one payment through every
 * running instance, then the books checked three ways — what the clients were told, what the API shows, and the
 * rows in the database. On H2 one instance (the default set-up); on MariaDB two instances — two application
 * contexts, each with its own pool — so only the database's row locks serialise the requests; on Galera two instances
 * on two nodes, where row locks do not reach across nodes and the cluster's certification (a conflict is a deadlock
 * error, and the service runs the transaction again) keeps a payment from over-refunding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@OnEveryBackend
class ConcurrentRefundsTest {
    static final int THREADS = 50;
    static final long PAYMENT_MINOR = 100_000;   // 1000.00 BDT
    private static final String REFUNDS = "/api/v1/payments/%s/refunds";

    private final List<RunningService> services = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();
    private JdbcSettings database;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    int instances() {
        return backend == Backend.H2 ? 1 : 2;
    }

    @BeforeParameterizedClassInvocation
    void startInstances() {
        database = backend().newDatabase();
        for (int i = 0; i < instances(); i++) {
            // Settlement must not move refunds on while the books are compared (no-op until a worker exists).
            RunningService service = RunningService.start(database.onNode(i),   // on a cluster: node i
                    Map.of("refunds.sandbox.settle-delay", "1h"));
            services.add(service);
            apis.add(service.api());
        }
    }

    @AfterParameterizedClassInvocation
    void stopInstances() {
        services.forEach(RunningService::close);
        services.clear();
        apis.clear();
    }

    /** The instances in turn: client i talks to instance i mod n. */
    private Api api(int i) {
        return apis.get(Math.floorMod(i, apis.size()));
    }

    @Test
    void partial_refunds_racing_on_one_payment_never_add_up_to_more_than_the_payment(TestInfo test) {
        Merchant shop = api(0).createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(shop);
        int perThread = 4;
        Tally tally = new Tally();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        long elapsed = Burst.run(THREADS, thread -> {
            for (int n = 0; n < perThread; n++) {
                long minor = ThreadLocalRandom.current().nextLong(100, 8_001);   // 1.00 … 80.00
                int instance = thread + n;
                String what = "refund " + Minor.text(minor) + " via instance " + instance % apis.size();
                ApiResponse answer = tally.send(what, () -> api(instance).post(refunds(paymentId),
                        Api.json(Map.of("amount", Minor.text(minor), "reason", "partial " + thread + "/" + instance)),
                        shop.headers()));
                if (answer == null) {
                    continue;
                }
                if (answer.status() == 202 && isRefund(answer, paymentId, Minor.text(minor), "INITIATED")) {
                    tally.accept();
                    accepted.put(answer.text("refundId"), minor);
                } else if (!tally.refusedAs(answer, 422, "AMOUNT_EXCEEDS_REFUNDABLE", "amount")) {
                    tally.surprise(what, answer);
                }
            }
        });
        tally.print(backend().name(), instances(), name(test), THREADS, elapsed);

        tally.assertNoSurprises();
        long acceptedSum = accepted.values().stream().mapToLong(Long::longValue).sum();
        assertThat(acceptedSum).as("Σ accepted refunds").isLessThanOrEqualTo(PAYMENT_MINOR);
        assertThat(tally.refused()).as("requests refused once the payment was exhausted").isPositive();
        assertThat(tally.accepted()).isEqualTo(accepted.size());
        assertBooks(shop, paymentId, accepted, acceptedSum);
    }

    @Test
    void full_refunds_racing_on_one_payment_let_exactly_one_through(TestInfo test) {
        Merchant shop = api(0).createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(shop);
        Tally tally = new Tally();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        long elapsed = Burst.run(THREADS, thread -> {
            String what = "full refund via instance " + thread % apis.size();
            ApiResponse answer = tally.send(what, () -> api(thread).post(refunds(paymentId),
                    Api.json(Map.of("reason", "full " + thread)), shop.headers()));
            if (answer == null) {
                return;
            }
            if (answer.status() == 202 && isRefund(answer, paymentId, "1000.00", "INITIATED")) {
                tally.accept();
                accepted.put(answer.text("refundId"), PAYMENT_MINOR);
            } else if (!tally.refusedAs(answer, 422, "AMOUNT_EXCEEDS_REFUNDABLE", "amount")) {
                tally.surprise(what, answer);
            }
        });
        tally.print(backend().name(), instances(), name(test), THREADS, elapsed);

        tally.assertNoSurprises();
        assertThat(tally.accepted()).as("full refunds accepted").isEqualTo(1);
        assertThat(tally.refused()).as("full refunds refused").isEqualTo(THREADS - 1);
        assertBooks(shop, paymentId, accepted, PAYMENT_MINOR);
    }

    @Test
    void on_a_single_refund_business_racing_requests_get_exactly_one_refund(TestInfo test) {
        Merchant shop = api(0).createBusiness("AUTO", "SINGLE", null);
        String paymentId = paidPayment(shop);
        Tally tally = new Tally();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        long elapsed = Burst.run(THREADS, thread -> {
            long minor = ThreadLocalRandom.current().nextLong(100, 8_001);
            String what = "refund " + Minor.text(minor) + " via instance " + thread % apis.size();
            ApiResponse answer = tally.send(what, () -> api(thread).post(refunds(paymentId),
                    Api.json(Map.of("amount", Minor.text(minor), "reason", "single " + thread)), shop.headers()));
            if (answer == null) {
                return;
            }
            if (answer.status() == 202 && isRefund(answer, paymentId, Minor.text(minor), "INITIATED")) {
                tally.accept();
                accepted.put(answer.text("refundId"), minor);
            } else if (!tally.refusedAs(answer, 409, "REFUND_ALREADY_REQUESTED")) {
                tally.surprise(what, answer);
            }
        });
        tally.print(backend().name(), instances(), name(test), THREADS, elapsed);

        tally.assertNoSurprises();
        assertThat(tally.accepted()).as("refunds accepted under the SINGLE policy").isEqualTo(1);
        assertThat(tally.refused()).as("409 REFUND_ALREADY_REQUESTED").isEqualTo(THREADS - 1);
        long acceptedSum = accepted.values().stream().mapToLong(Long::longValue).sum();
        Books books = assertBooks(shop, paymentId, accepted, acceptedSum);
        assertThat(books.countingRefunds()).isEqualTo(1);
    }

    /**
     * Requests, admin approvals and rejections and merchant cancels all at once on one payment under review:
     * each refund's story must fit one serial order and the payment must reserve exactly what is in flight.
     */
    @Test
    void requests_reviews_and_cancels_racing_on_one_payment_keep_its_books_balanced(TestInfo test) {
        Merchant shop = api(0).createBusiness("MANUAL", "MULTIPLE", null);
        String paymentId = paidPayment(shop);
        int threads = 30;
        int perThread = 8;
        Tally tally = new Tally();
        Map<String, RefundHistory> histories = new ConcurrentHashMap<>();
        List<String> known = new ArrayList<>();   // guarded by itself; newest last
        long elapsed = Burst.run(threads, thread -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int n = 0; n < perThread; n++) {
                Api api = api(thread + n);
                String target = null;
                synchronized (known) {
                    if (!known.isEmpty()) {   // the few newest refunds, so writers collide on the same ones
                        target = known.get(known.size() - 1 - random.nextInt(Math.min(known.size(), 6)));
                    }
                }
                int dice = random.nextInt(100);
                if (target == null || dice < 40) {
                    long minor = random.nextLong(100, 15_001);   // 1.00 … 150.00
                    String what = "refund " + Minor.text(minor);
                    ApiResponse answer = tally.send(what, () -> api.post(refunds(paymentId),
                            Api.json(Map.of("amount", Minor.text(minor), "reason", "mixed " + thread)),
                            shop.headers()));
                    if (answer == null) {
                        continue;
                    }
                    if (answer.status() == 202 && isRefund(answer, paymentId, Minor.text(minor), "PENDING_REVIEW")) {
                        tally.accept();
                        String refundId = answer.text("refundId");
                        histories.put(refundId, new RefundHistory(refundId, minor));
                        synchronized (known) {
                            known.add(refundId);
                        }
                    } else if (!tally.refusedAs(answer, 422, "AMOUNT_EXCEEDS_REFUNDABLE", "amount")) {
                        tally.surprise(what, answer);
                    }
                } else {
                    Call call = dice < 60 ? Call.APPROVE : dice < 75 ? Call.REJECT : Call.CANCEL;
                    transition(tally, histories.get(target), call, api, shop, paymentId);
                }
            }
        });
        tally.print(backend().name(), instances(), name(test), threads, elapsed);

        assertStoriesAndBooks(tally, shop, paymentId, histories);
    }

    /**
     * For each of 20 refunds in review, an approve, a reject and a cancel released at the same instant (through
     * different instances where there are several): one serial order must explain what each caller was told, and
     * an amount must be released at most once.
     */
    @Test
    void an_approve_a_reject_and_a_cancel_racing_on_one_refund_fit_one_serial_order(TestInfo test) {
        Merchant shop = api(0).createBusiness("MANUAL", "MULTIPLE", null);
        String paymentId = paidPayment(shop);
        List<RefundHistory> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long minor = 1_000 + i;   // 10.00, 10.01, …: every refund's amount tells it apart
            ApiResponse created = api(i).post(refunds(paymentId),
                    Api.json(Map.of("amount", Minor.text(minor), "reason", "race " + i)), shop.headers());
            assertThat(created.status()).as("%s", created).isEqualTo(202);
            assertThat(created.text("status")).isEqualTo("PENDING_REVIEW");
            pending.add(new RefundHistory(created.text("refundId"), minor));
        }
        Tally tally = new Tally();
        Call[] calls = Call.values();
        int threads = pending.size() * calls.length;
        long elapsed = Burst.run(threads, thread -> {
            RefundHistory refund = pending.get(thread / calls.length);
            Call call = calls[thread % calls.length];
            transition(tally, refund, call, api(thread), shop, paymentId);   // racers on one refund: other instances
        });
        tally.print(backend().name(), instances(), name(test), threads, elapsed);

        Map<String, RefundHistory> histories = new HashMap<>();
        pending.forEach(refund -> histories.put(refund.refundId(), refund));
        assertStoriesAndBooks(tally, shop, paymentId, histories);
    }

    /** An approve, reject or cancel: 200 with the new status, or a clean 409 INVALID_STATE. */
    private void transition(Tally tally, RefundHistory refund, Call call, Api api, Merchant shop, String paymentId) {
        String what = call + " " + refund.refundId();
        ApiResponse answer = tally.send(what, () -> switch (call) {
            case APPROVE -> api.post("/api/admin/refunds/" + refund.refundId() + "/approve", null, Api.admin());
            case REJECT -> api.post("/api/admin/refunds/" + refund.refundId() + "/reject",
                    Api.json(Map.of("reason", "not eligible")), Api.admin());
            case CANCEL -> api.post(refunds(paymentId) + "/" + refund.refundId() + "/cancel", null, shop.headers());
        });
        if (answer == null) {
            return;
        }
        String expected = switch (call) {
            case APPROVE -> "INITIATED";
            case REJECT -> "REJECTED";
            case CANCEL -> "CANCELLED";
        };
        if (answer.status() == 200 && isRefund(answer, paymentId, Minor.text(refund.amountMinor()), expected)
                && refund.refundId().equals(answer.text("refundId"))) {
            tally.accept();
            refund.record(call, true);
        } else if (tally.refusedAs(answer, 409, "INVALID_STATE")) {
            refund.record(call, false);
        } else {
            tally.surprise(what, answer);
        }
    }

    /**
     * Every refund's story fits its final status; the API and the database agree with each other and with it.
     * Soft: a broken run reports every unexpected answer, contradiction and imbalance at once.
     */
    private void assertStoriesAndBooks(Tally tally, Merchant shop, String paymentId,
                                       Map<String, RefundHistory> histories) {
        Map<String, String> finalStatus = new HashMap<>();
        Map<String, Long> listed = new HashMap<>();
        for (JsonNode refund : listRefunds(shop, paymentId)) {
            finalStatus.put(refund.path("refundId").asText(), refund.path("status").asText());
            listed.put(refund.path("refundId").asText(), Minor.of(refund.path("amount").asText()));
        }
        List<String> contradictions = new ArrayList<>();
        long inFlight = 0;
        for (RefundHistory history : histories.values()) {
            String status = finalStatus.get(history.refundId());
            if (status == null) {
                continue;
            }
            history.contradiction(status)
                    .ifPresent(why -> contradictions.add(why + ": " + history.describe() + " final " + status));
            if (Books.IN_FLIGHT.contains(status)) {
                inFlight += history.amountMinor();
            }
        }
        Books books = Books.read(database, paymentId);
        JsonNode payment = readPayment(shop, paymentId);
        long expectedInFlight = inFlight;
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(tally.surprises()).as(tally.describeSurprises()).isEmpty();
            softly.assertThat(finalStatus.keySet()).as("refunds listed = refunds accepted (none lost, none phantom)")
                    .containsExactlyInAnyOrderElementsOf(histories.keySet());
            histories.values().forEach(history -> softly.assertThat(listed.get(history.refundId()))
                    .as("amount of %s", history.refundId()).isEqualTo(history.amountMinor()));
            softly.assertThat(contradictions).as("refunds whose answers fit no serial order (%d of %d)",
                    contradictions.size(), histories.size()).isEmpty();
            softly.assertThat(books.imbalances()).as("the books of payment %s", paymentId).isEmpty();
            softly.assertThat(books.refunds().keySet()).as("refund rows in the database")
                    .containsExactlyInAnyOrderElementsOf(histories.keySet());
            books.refunds().values().forEach(row -> softly.assertThat(row.status())
                    .as("database status of %s", row.refundId()).isEqualTo(finalStatus.get(row.refundId())));
            softly.assertThat(books.reservedMinor()).as("reserved = Σ refunds in flight as the API lists them")
                    .isEqualTo(expectedInFlight);
            softly.assertThat(payment.path("refundableAmount").asText())
                    .as("refundableAmount = 1000.00 − completed − Σ in flight as the API lists them")
                    .isEqualTo(Minor.text(PAYMENT_MINOR - books.refundedMinor() - expectedInFlight));
        });
    }

    /**
     * After a burst of plain requests (nothing released): the API's refund list is exactly the accepted refunds,
     * each still counted; refundable = 1000.00 − Σ accepted; and the database rows agree.
     */
    private Books assertBooks(Merchant shop, String paymentId, Map<String, Long> accepted, long acceptedSum) {
        JsonNode payment = readPayment(shop, paymentId);
        assertThat(payment.path("status").asText()).isIn("COMPLETED", "REFUNDED");
        long refundTotal = Minor.of(payment.path("refundTotal").asText());
        assertThat(payment.path("refundableAmount").asText()).as("refundableAmount = 1000.00 − Σ accepted")
                .isEqualTo(Minor.text(PAYMENT_MINOR - acceptedSum));

        Map<String, Long> listed = new HashMap<>();
        long listedSum = 0;
        for (JsonNode refund : listRefunds(shop, paymentId)) {
            assertThat(refund.path("status").asText()).as("%s", refund).isIn("INITIATED", "PROCESSING", "COMPLETED");
            long minor = Minor.of(refund.path("amount").asText());
            listed.put(refund.path("refundId").asText(), minor);
            listedSum += minor;
        }
        assertThat(listed).as("the refunds listed are exactly the refunds accepted").isEqualTo(accepted);
        assertThat(listedSum).as("Σ listed refunds = Σ accepted").isEqualTo(acceptedSum);

        Books books = Books.read(database, paymentId).assertBalanced();
        assertThat(books.amountMinor()).isEqualTo(PAYMENT_MINOR);
        assertThat(books.refundedMinor()).isEqualTo(refundTotal);
        assertThat(books.refundedMinor() + books.reservedMinor()).as("refunded + reserved = Σ accepted")
                .isEqualTo(acceptedSum);
        assertThat(books.refunds().keySet()).containsExactlyInAnyOrderElementsOf(accepted.keySet());
        return books;
    }

    private static String name(TestInfo test) {
        return test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(test.getDisplayName());
    }

    private String paidPayment(Merchant shop) {
        return api(0).payment(shop, Minor.text(PAYMENT_MINOR), "BDT", "LINK", true).path("paymentId").asText();
    }

    private JsonNode readPayment(Merchant shop, String paymentId) {
        ApiResponse read = api(1).get("/api/v1/payments/" + paymentId, shop.headers());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return read.data();
    }

    private List<JsonNode> listRefunds(Merchant shop, String paymentId) {
        ApiResponse list = api(0).get(refunds(paymentId), shop.headers());
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        assertThat(list.data().path("hasMore").asBoolean()).isFalse();
        List<JsonNode> items = new ArrayList<>();
        list.data().path("items").forEach(items::add);
        return items;
    }

    private static boolean isRefund(ApiResponse answer, String paymentId, String amount, String status) {
        return answer.json() != null && "success".equals(answer.json().path("status").asText(null))
                && paymentId.equals(answer.text("paymentId")) && amount.equals(answer.text("amount"))
                && status.equals(answer.text("status")) && answer.text("refundId") != null;
    }

    private static String refunds(String paymentId) {
        return REFUNDS.formatted(paymentId);
    }
}
