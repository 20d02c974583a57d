package dev.refunds.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A steady mixed load, as merchants and an admin would make it, through whichever instance answers: payments created
 * and paid, v1 refunds (partial and full, some of them declined by the sandbox), v2 refunds on a review-everything
 * single-refund business, admin approvals and rejections, merchant cancels, replays of earlier requests under their
 * idempotency keys, reads. Every create carries an idempotency key and is retried under it until it gets a real
 * answer, so a request whose answer was lost (a killed instance, a dropped database connection) is neither lost nor
 * done twice. What every 2xx promised is kept in the ledger, to be checked against the database afterwards.
 */
final class MixedLoad implements AutoCloseable {
    /** Statuses a refund of the load stays in (a COMPLETED one may still be REVERSED, but needs nothing more). */
    static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "REJECTED", "CANCELLED", "REVERSED");
    /** How long one keyed request is retried before it counts as unresolved. */
    private static final Duration RESOLVE_WITHIN = Duration.ofSeconds(90);

    record PaymentAck(String paymentId, long payId, String business, long amountMinor) {
    }

    record RefundAck(String refundId, String paymentId, String business, long amountMinor, String via) {
    }

    /** A keyed request and the first real answer it got; replayed later, it must answer the same bytes. */
    record Keyed(String path, String json, String key, String[] credentials, int status, String body) {
    }

    private final Supplier<Api> instances;
    private final String[] admin;
    private final Merchant auto;
    private final Merchant review;
    private final int threads;
    private final ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    final List<PaymentAck> autoPayments = new CopyOnWriteArrayList<>();
    final List<PaymentAck> reviewPayments = new CopyOnWriteArrayList<>();
    final Map<String, PaymentAck> payments = new ConcurrentHashMap<>();
    final Map<String, RefundAck> refunds = new ConcurrentHashMap<>();
    final Set<String> approved = ConcurrentHashMap.newKeySet();
    final Set<String> rejected = ConcurrentHashMap.newKeySet();
    final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> inReview = new ConcurrentLinkedQueue<>();
    private final List<Keyed> keyed = new CopyOnWriteArrayList<>();
    final List<String> surprises = Collections.synchronizedList(new ArrayList<>());
    final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());

    final AtomicLong requests = new AtomicLong();
    final AtomicLong answered2xx = new AtomicLong();
    final AtomicLong answered4xx = new AtomicLong();
    final AtomicLong answered503 = new AtomicLong();
    final AtomicLong answered500 = new AtomicLong();
    final AtomicLong noAnswer = new AtomicLong();
    final AtomicLong inProgressRetries = new AtomicLong();
    final AtomicLong retriedKeys = new AtomicLong();
    final AtomicLong replaysChecked = new AtomicLong();
    final AtomicInteger unresolved = new AtomicInteger();

    MixedLoad(Supplier<Api> instances, String adminToken, Merchant auto, Merchant review, int threads) {
        this.instances = instances;
        this.admin = new String[] {"Authorization", "Bearer " + adminToken};
        this.auto = auto;
        this.review = review;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** The two businesses a load uses: AUTO/MULTIPLE with review above 500.00, and MANUAL/SINGLE (SecPaid). */
    static Merchant[] businesses(Api http, String adminToken) throws IOException {
        String[] admin = {"Authorization", "Bearer " + adminToken};
        Merchant[] merchants = new Merchant[2];
        String[][] policies = {{"AUTO", "MULTIPLE", "500.00"}, {"MANUAL", "SINGLE", null}};
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "reliability load " + policies[i][0] + "/" + policies[i][1]);
            body.put("reviewMode", policies[i][0]);
            body.put("refundMode", policies[i][1]);
            if (policies[i][2] != null) {
                body.put("reviewAbove", policies[i][2]);
            }
            ApiResponse created = http.tryPost("/api/admin/businesses", Api.json(body), admin);
            if (created.status() != 201) {
                throw new IllegalStateException("business not created: " + created);
            }
            merchants[i] = new Merchant(created.text("clientId"), created.text("businessId"), created.text("apiKey"));
        }
        return merchants;
    }

    List<String> businessIds() {
        return List.of(auto.businessId(), review.businessId());
    }

    /** A few paid payments for each business, so refunds can start at once. */
    void seed(int perBusiness) {
        for (int i = 0; i < perBusiness; i++) {
            createPayment(auto, autoPayments);
            createPayment(review, reviewPayments);
        }
    }

    void start() {
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (!stopping.get()) {
                    try {
                        step();
                    } catch (RuntimeException e) {
                        surprises.add("load step failed: " + e);
                    }
                }
                return null;
            }));
        }
    }

    /** Stops taking new steps and waits for the steps under way (and their retries) to finish. */
    void stop() {
        stopping.set(true);
        for (Future<?> worker : workers) {
            try {
                worker.get(RESOLVE_WITHIN.toSeconds() + 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                surprises.add("a load thread did not stop: " + e);
            }
        }
    }

    @Override
    public void close() {
        stopping.set(true);
        pool.shutdownNow();
    }

    private void step() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        if (dice < 12 || autoPayments.size() < 3 || reviewPayments.size() < 3) {
            createPayment(random.nextBoolean() ? auto : review, null);
        } else if (dice < 45) {
            v1Refund(random);
        } else if (dice < 60) {
            v2Refund(random);
        } else if (dice < 72) {
            review(random);
        } else if (dice < 77) {
            cancel(random);
        } else if (dice < 90) {
            replay(random);
        } else {
            read(random);
        }
    }

    private void createPayment(Merchant merchant, List<PaymentAck> into) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long minor = random.nextLong(10_000, 200_001);   // 100.00 … 2000.00 BDT
        String json = Api.json(Map.of("amount", Minor.text(minor), "currency", "BDT",
                "merchantRef", "reliability-" + random.nextInt(1_000_000)));
        ApiResponse created = keyedPost("/api/v1/payments", json, merchant.headers());
        if (created == null) {
            return;
        }
        if (created.status() != 201) {
            surprises.add("payment create answered " + created);
            return;
        }
        String paymentId = created.text("paymentId");
        PaymentAck ack = new PaymentAck(paymentId, created.data().path("payId").asLong(), merchant.businessId(), minor);
        payments.put(paymentId, ack);
        ApiResponse completed = keyedPost("/api/v1/payments/" + paymentId + "/complete", null, merchant.headers());
        if (completed == null) {
            return;
        }
        if (completed.status() != 200 || !"COMPLETED".equals(completed.text("status"))) {
            surprises.add("complete of " + paymentId + " answered " + completed);
            return;
        }
        List<PaymentAck> list = into != null ? into : merchant == auto ? autoPayments : reviewPayments;
        list.add(ack);
    }

    private void v1Refund(ThreadLocalRandom random) {
        PaymentAck payment = pickPayment(autoPayments, random);
        if (payment == null) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "reliability v1");
        long minor = random.nextLong(100, 8_001);
        int trigger = random.nextInt(6);
        if (trigger == 0) {
            minor = minor / 100 * 100 + 13;   // declined by the sandbox
        } else if (trigger == 1) {
            minor = minor / 100 * 100 + 31;   // completed, then reversed by the sandbox
        }
        boolean full = random.nextInt(10) == 0;
        if (!full) {
            body.put("amount", Minor.text(minor));
        }
        ApiResponse answer = keyedPost("/api/v1/payments/" + payment.paymentId() + "/refunds", Api.json(body),
                auto.headers());
        if (answer == null) {
            return;
        }
        if (answer.status() == 202) {
            String refundId = answer.text("refundId");
            long amount = Minor.parse(answer.text("amount"));
            if (!full && amount != minor) {
                surprises.add("refund " + refundId + " accepted for " + amount + ", asked " + minor);
            }
            refunds.put(refundId, new RefundAck(refundId, payment.paymentId(), auto.businessId(), amount, "v1"));
            if ("PENDING_REVIEW".equals(answer.text("status"))) {
                inReview.add(refundId);
            } else if (!"INITIATED".equals(answer.text("status"))) {
                surprises.add("v1 refund accepted with status " + answer.text("status") + ": " + answer);
            }
        } else if (answer.status() == 422 && "AMOUNT_EXCEEDS_REFUNDABLE".equals(answer.errorCode())) {
            if (full || random.nextInt(3) == 0) {
                autoPayments.remove(payment);
            }
        } else if (answer.status() == 409 && "PAYMENT_NOT_REFUNDABLE".equals(answer.errorCode())) {
            autoPayments.remove(payment);
        } else {
            surprises.add("v1 refund on " + payment.paymentId() + " answered " + answer);
        }
    }

    private void v2Refund(ThreadLocalRandom random) {
        PaymentAck payment = pickPayment(reviewPayments, random);
        if (payment == null) {
            return;
        }
        boolean full = random.nextInt(3) == 0;
        long minor = full ? payment.amountMinor() : random.nextLong(100, payment.amountMinor() + 1);
        String json = "{\"pay_id\": " + payment.payId() + ", \"refund_amount\": " + Minor.text(minor)
                + (full ? ", \"isFullRefund\": true" : "") + "}";
        ApiResponse answer = keyedPost("/api/v2/refundPayment", json, review.headers());
        if (answer == null) {
            return;
        }
        if (answer.status() == 200) {
            JsonNode data = answer.data();
            String refundId = data.path("refund_id").asText();
            refunds.put(refundId, new RefundAck(refundId, payment.paymentId(), review.businessId(), minor, "v2"));
            if (!"Pending".equals(data.path("status").asText())) {
                surprises.add("v2 refund accepted with status " + data.path("status").asText() + ": " + answer);
            }
            inReview.add(refundId);
        } else if (answer.status() == 409 && "Refund already requested".equals(answer.errorMessage())) {
            if (random.nextInt(4) == 0) {
                reviewPayments.remove(payment);
            }
        } else if (answer.status() == 422 && "Invalid refund amount".equals(answer.errorMessage())) {
            reviewPayments.remove(payment);
        } else {
            surprises.add("v2 refund on pay_id " + payment.payId() + " answered " + answer);
        }
    }

    private void review(ThreadLocalRandom random) {
        String refundId = inReview.poll();
        if (refundId == null) {
            return;
        }
        boolean approve = random.nextInt(10) < 7;
        String path = "/api/admin/refunds/" + refundId + (approve ? "/approve" : "/reject");
        String json = approve ? null : "{\"reason\":\"reliability says no\"}";
        ApiResponse answer = random.nextBoolean() ? keyedPost(path, json, admin) : once("POST", path, json, admin);
        if (answer == null || answer.status() >= 500) {
            inReview.add(refundId);   // unknown: try again later (a second decision is a clean 409)
            return;
        }
        if (answer.status() == 200) {
            (approve ? approved : rejected).add(refundId);
        } else if (!(answer.status() == 409 && "INVALID_STATE".equals(answer.errorCode()))) {
            surprises.add(path + " answered " + answer);
        }
    }

    private void cancel(ThreadLocalRandom random) {
        List<RefundAck> all = new ArrayList<>(refunds.values());
        if (all.isEmpty()) {
            return;
        }
        RefundAck refund = all.get(random.nextInt(all.size()));
        Merchant merchant = refund.business().equals(auto.businessId()) ? auto : review;
        String path = "/api/v1/payments/" + refund.paymentId() + "/refunds/" + refund.refundId() + "/cancel";
        ApiResponse answer = random.nextBoolean() ? keyedPost(path, null, merchant.headers())
                : once("POST", path, null, merchant.headers());
        if (answer == null || answer.status() >= 500) {
            return;   // no answer, or a clean 5xx (checked in once): the outcome is unknown, the books will tell
        }
        if (answer.status() == 200) {
            if (!"CANCELLED".equals(answer.text("status"))) {
                surprises.add("cancel answered 200 with " + answer);
            }
            cancelled.add(refund.refundId());
        } else if (!(answer.status() == 409 && "INVALID_STATE".equals(answer.errorCode()))) {
            surprises.add(path + " answered " + answer);
        }
    }

    /** An earlier keyed request sent again: the same status and the same bytes, marked as a replay. */
    private void replay(ThreadLocalRandom random) {
        if (keyed.isEmpty()) {
            return;
        }
        Keyed first = keyed.get(random.nextInt(keyed.size()));
        String[] headers = Api.with(first.credentials(), "X-Idempotency-Key", first.key());
        for (int attempt = 0; attempt < 20; attempt++) {
            ApiResponse again = once("POST", first.path(), first.json(), headers);
            if (again == null || again.status() >= 500) {
                Reliability.pause(100);
                continue;
            }
            replaysChecked.incrementAndGet();
            if (again.status() != first.status() || !again.raw().equals(first.body())
                    || !"true".equals(again.headers().firstValue("Idempotent-Replayed").orElse(null))) {
                surprises.add("replay of key " + first.key() + " on " + first.path() + " answered " + again
                        + (again.headers().firstValue("Idempotent-Replayed").isPresent() ? "" : " (not marked replayed)")
                        + "; the first answer was " + first.status() + " " + first.body());
            }
            return;
        }
    }

    private void read(ThreadLocalRandom random) {
        List<PaymentAck> all = new ArrayList<>(payments.values());
        if (all.isEmpty()) {
            return;
        }
        PaymentAck payment = all.get(random.nextInt(all.size()));
        Merchant merchant = payment.business().equals(auto.businessId()) ? auto : review;
        ApiResponse answer = once("GET", "/api/v1/payments/" + payment.paymentId(), null, merchant.headers());
        if (answer != null && answer.status() != 200 && answer.status() < 500) {
            surprises.add("GET payment " + payment.paymentId() + " answered " + answer);
        }
    }

    private static PaymentAck pickPayment(List<PaymentAck> list, ThreadLocalRandom random) {
        List<PaymentAck> copy = new ArrayList<>(list);
        return copy.isEmpty() ? null : copy.get(random.nextInt(copy.size()));
    }

    /**
     * A POST under a new idempotency key, retried under that key (on any instance) until it gets a real answer:
     * no answer, {@code 503} and {@code 409 IDEMPOTENCY_IN_PROGRESS} are retried; null when it never resolved.
     */
    ApiResponse keyedPost(String path, String json, String[] credentials) {
        String key = "rel-" + UUID.randomUUID();
        String[] headers = Api.with(credentials, "X-Idempotency-Key", key);
        long deadline = System.nanoTime() + RESOLVE_WITHIN.toNanos();
        boolean retried = false;
        while (System.nanoTime() < deadline) {
            ApiResponse answer = once("POST", path, json, headers);
            if (answer != null && !(answer.status() >= 500)
                    && !(answer.status() == 409 && "IDEMPOTENCY_IN_PROGRESS".equals(answer.errorCode()))) {
                if (retried) {
                    retriedKeys.incrementAndGet();
                }
                if (answer.status() != 400) {
                    keyed.add(new Keyed(path, json, key, credentials, answer.status(), answer.raw()));
                }
                return answer;
            }
            if (answer != null && answer.status() == 409) {
                inProgressRetries.incrementAndGet();
            }
            retried = true;
            Reliability.pause(answer == null ? 50 : 150);
        }
        unresolved.incrementAndGet();
        surprises.add("POST " + path + " under key " + key + " got no definitive answer within " + RESOLVE_WITHIN);
        return null;
    }

    /** One attempt on the next instance; null when no answer came (connection refused or dropped). */
    ApiResponse once(String method, String path, String json, String[] headers) {
        requests.incrementAndGet();
        Api http = instances.get();
        try {
            ApiResponse answer = http.trySend(method, path, json, json == null ? null : "application/json", headers);
            int status = answer.status();
            if (status >= 200 && status < 300) {
                answered2xx.incrementAndGet();
            } else if (status == 503) {
                answered503.incrementAndGet();
                checkServerError(method, path, answer);
            } else if (status >= 500) {
                answered500.incrementAndGet();
                checkServerError(method, path, answer);
            } else {
                answered4xx.incrementAndGet();
            }
            return answer;
        } catch (IOException e) {
            noAnswer.incrementAndGet();
            return null;
        }
    }

    private void checkServerError(String method, String path, ApiResponse answer) {
        serverErrors.add(method + " " + path + " -> " + answer);
        JsonNode json = answer.json();
        String code = json == null ? null : json.path("error").path("code").asText(null);
        boolean envelope = json != null && "error".equals(json.path("status").asText())
                && (answer.status() == 503 ? "SERVICE_UNAVAILABLE".equals(code) : "INTERNAL_ERROR".equals(code));
        if (!envelope || Envelope.leaksInternals(answer.raw())) {
            surprises.add(method + " " + path + " answered a server error outside the clean envelope: " + answer);
        }
        if (answer.status() == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
            surprises.add(method + " " + path + " answered 503 without Retry-After: " + answer);
        }
    }

    /** Approves what is still in review (through the API), then waits until every refund of the load is final. */
    void settleEverything(JdbcSettings database, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> statuses = statuses(database);
            List<String> inReviewNow = statuses.entrySet().stream().filter(e -> e.getValue().equals("PENDING_REVIEW"))
                    .map(Map.Entry::getKey).toList();
            for (String refundId : inReviewNow) {
                ApiResponse answer = keyedPost("/api/admin/refunds/" + refundId + "/approve", null, admin);
                if (answer != null && answer.status() == 200) {
                    approved.add(refundId);
                }
            }
            if (statuses.values().stream().allMatch(FINAL::contains)) {
                return;
            }
            Reliability.pause(200);
        }
        Map<String, Long> left = statuses(database).values().stream().filter(s -> !FINAL.contains(s))
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        surprises.add("refunds still not settled " + timeout + " after the load stopped: " + left);
    }

    /** refundId -> status of every refund of the load's businesses. */
    Map<String, String> statuses(JdbcSettings database) {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT refund_id, status FROM refunds WHERE business_id IN (?, ?)")) {
            select.setString(1, auto.businessId());
            select.setString(2, review.businessId());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    statuses.put(row.getString(1), row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    /**
     * What the 2xx answers promised, compared with the database: every acknowledged payment and refund exists (with
     * its payment and amount), nothing exists that no 2xx announced when every keyed request resolved, approvals,
     * rejections and cancels that were acknowledged took effect, and the sandbox never saw a refund twice.
     */
    List<String> lostOrDoubled(JdbcSettings database) {
        List<String> found = new ArrayList<>();
        Map<String, String> statuses = statuses(database);
        Map<String, long[]> rows = refundRows(database);
        for (RefundAck ack : refunds.values()) {
            long[] row = rows.get(ack.refundId());
            if (row == null) {
                found.add("refund " + ack.refundId() + " (" + ack.via() + ") was acknowledged with a 2xx but is not in"
                        + " the database");
            } else if (row[0] != ack.amountMinor()) {
                found.add("refund " + ack.refundId() + " was acknowledged for " + ack.amountMinor()
                        + " but the database holds " + row[0]);
            }
        }
        Set<String> paymentsInDb = BooksChecker.paymentIds(database, businessIds());
        for (PaymentAck ack : payments.values()) {
            if (!paymentsInDb.contains(ack.paymentId())) {
                found.add("payment " + ack.paymentId() + " was acknowledged with 201 but is not in the database");
            }
        }
        if (unresolved.get() == 0) {
            for (String refundId : statuses.keySet()) {
                if (!refunds.containsKey(refundId)) {
                    found.add("refund " + refundId + " exists but no 2xx ever announced it (created twice by a"
                            + " retry, or by a request whose failure was reported)");
                }
            }
            for (String paymentId : paymentsInDb) {
                if (!payments.containsKey(paymentId)) {
                    found.add("payment " + paymentId + " exists but no 2xx ever announced it");
                }
            }
        }
        for (String refundId : approved) {
            String status = statuses.get(refundId);
            if (status == null || status.equals("PENDING_REVIEW") || status.equals("REJECTED")) {
                found.add("refund " + refundId + " was approved (200) but is " + status);
            }
        }
        for (String refundId : rejected) {
            if (!"REJECTED".equals(statuses.get(refundId))) {
                found.add("refund " + refundId + " was rejected (200) but is " + statuses.get(refundId));
            }
        }
        for (String refundId : cancelled) {
            if (!"CANCELLED".equals(statuses.get(refundId))) {
                found.add("refund " + refundId + " was cancelled (200) but is " + statuses.get(refundId));
            }
        }
        return found;
    }

    /** refundId -> {amount_minor, processor rows, processor submit calls}. */
    private Map<String, long[]> refundRows(JdbcSettings database) {
        Map<String, long[]> rows = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT r.refund_id, r.amount_minor,"
                     + " (SELECT COUNT(*) FROM sandbox_processor_refunds s WHERE s.refund_id = r.refund_id),"
                     + " (SELECT COALESCE(SUM(s.submit_calls), 0) FROM sandbox_processor_refunds s"
                     + " WHERE s.refund_id = r.refund_id) FROM refunds r WHERE r.business_id IN (?, ?)")) {
            select.setString(1, auto.businessId());
            select.setString(2, review.businessId());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Refunds the processor was asked for more than once (always under one processor-side row). */
    long resubmitted(JdbcSettings database) {
        return refundRows(database).values().stream().filter(row -> row[2] > 1).count();
    }

    String figures() {
        return requests.get() + " requests (" + answered2xx.get() + " 2xx, " + answered4xx.get() + " 4xx, "
                + answered503.get() + " 503, " + answered500.get() + " 500, " + noAnswer.get() + " without an answer), "
                + payments.size() + " payments and " + refunds.size() + " refunds acknowledged, " + approved.size()
                + " approved, " + rejected.size() + " rejected, " + cancelled.size() + " cancelled, "
                + retriedKeys.get() + " keyed requests resolved by a retry, " + inProgressRetries.get()
                + " IDEMPOTENCY_IN_PROGRESS waits, " + replaysChecked.get() + " replays checked, " + unresolved.get()
                + " unresolved";
    }

    /** Minor units of BDT as the API writes them. */
    static final class Minor {
        private Minor() {
        }

        static String text(long minor) {
            return String.format("%d.%02d", minor / 100, minor % 100);
        }

        static long parse(String text) {
            return new java.math.BigDecimal(text).movePointRight(2).longValueExact();
        }
    }
}
