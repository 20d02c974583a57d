package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.RawHttp;
import dev.refunds.bootstrap.support.RunningService;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hostile input: a fuzzer sends every route the router knows (v1, v2, admin, webhooks) malformed, oversized, wrongly
 * typed, deeply nested, non-UTF-8, boundary-value and badly framed requests, first a fixed corpus of the values that
 * matter, then seeded random combinations. Every answer must be in the envelope and never a 5xx; no answer at all
 * is allowed only to a request whose HTTP framing is broken, never a hang; and every rejected (4xx) request must
 * leave the database exactly as it was (the dedicated businesses' payments, refunds, disputes, outbox events and
 * webhook endpoints, and the businesses table), a 400 without even storing its idempotency key.
 *
 * <p>Short: about 2,000 requests, with a fixed seed (the build stays deterministic). Long: 12,000, with a new seed
 * each run; {@code -Drefunds.fuzz.seed=…} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class HostileRequestsNeverBreakTheServiceTest {
    private static final int REFRESH_EVERY = 100;

    private RunningService service;
    private JdbcSettings database;
    private Api api;
    private FuzzedBusinesses fixtures;
    private FuzzedRows rows;
    private long since;

    @BeforeAll
    void start() throws SQLException {
        database = Backend.MARIADB.newDatabase();
        since = System.currentTimeMillis();
        // No background writer touches the fuzzed business: settlement off, webhook relay off.
        service = RunningService.start(database, Map.of("refunds.webhooks.enabled", false));
        api = service.api();
        fixtures = new FuzzedBusinesses(api, service.uri().getPort());
        rows = new FuzzedRows(database, fixtures);
    }

    @AfterAll
    void stop() throws SQLException {
        if (rows != null) {
            rows.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void hostile_requests_to_every_endpoint_get_enveloped_answers_never_a_5xx_and_rejected_ones_change_nothing() {
        long seed = Long.getLong("refunds.fuzz.seed", Reliability.isLong() ? System.nanoTime() : 20261124L);
        int total = Reliability.pick(2_000, 12_000);
        HostileRequests generator = new HostileRequests(Routes.of(service), fixtures);
        RawHttp http = new RawHttp("127.0.0.1", service.uri().getPort(), 15_000);
        List<Supplier<HostileRequests.Case>> corpus = corpus(generator.corpus(), seed);

        FuzzFindings stats = new FuzzFindings();
        Random random = new Random(seed);
        long started = System.nanoTime();
        FuzzedRows.State before = rows.state();
        int sent = 0;
        int hangs = 0;
        while (sent < Math.max(total, corpus.size() + 100)) {
            if (sent > 0 && sent % REFRESH_EVERY == 0) {
                fixtures.refresh();
                before = rows.state();
            }
            HostileRequests.Case next = sent < corpus.size() ? corpus.get(sent).get() : generator.random(random);
            long sending = System.nanoTime();
            RawHttp.Answer answer = http.send(next.bytes(), next.badFraming());
            long reading = System.nanoTime();
            FuzzedRows.State after = rows.state();
            stats.sendNanos += reading - sending;
            stats.stateNanos += System.nanoTime() - reading;
            stats.check(next, answer, before, after);
            before = after;
            sent++;
            hangs = !answer.answered() && answer.failure().contains("hang") ? hangs + 1 : 0;
            if (hangs >= 3) {
                stats.unanswered.add("the service stopped answering: 3 requests in a row hung; the fuzzing stopped"
                        + " after " + sent + " requests (see the service log above)");
                break;
            }
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        BooksChecker.Report books = BooksChecker.of(database, fixtures.businessIds(), since).check();

        Reliability.figures(getClass().getSimpleName(), "seed " + seed + ", " + sent + " hostile requests ("
                + corpus.size() + " from the corpus, " + (sent - corpus.size()) + " random) to "
                + generator.routes().size() + " routes in " + elapsedMs + " ms (" + stats.sendNanos / 1_000_000
                + " ms waiting for answers, " + stats.stateNanos / 1_000_000 + " ms reading the database), slowest"
                + " answer " + stats.slowestMs
                + " ms; statuses " + stats.statuses + "; families " + stats.families + "; " + stats.fiveHundreds.size()
                + " 5xx, " + stats.notEnveloped.size() + " outside the envelope, " + stats.changedWhenRejected.size()
                + " rejected requests that changed the database, " + stats.unanswered.size()
                + " unanswered well-framed requests, " + stats.closedFraming + " badly framed requests closed without"
                + " an answer, " + stats.withoutRequestId.size() + " answers without X-Request-Id, "
                + stats.acceptedMalformed.size() + " malformed or unauthenticated requests accepted; books: "
                + books.summary());
        stats.print();
        books.violations().forEach(v -> System.out.println("  VIOLATION " + v));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(sent).as("hostile requests sent").isGreaterThanOrEqualTo(total);
        soft.assertThat(stats.fiveHundreds).as("5xx answers (seed %d)", seed).isEmpty();
        soft.assertThat(stats.notEnveloped).as("answers outside the envelope (seed %d)", seed).isEmpty();
        soft.assertThat(stats.changedWhenRejected).as("rejected requests that changed the database (seed %d)", seed)
                .isEmpty();
        soft.assertThat(stats.unanswered).as("well-framed requests without an answer, or hangs (seed %d)", seed)
                .isEmpty();
        soft.assertThat(stats.withoutRequestId).as("answers without X-Request-Id (README: every response carries"
                + " it) (seed %d)", seed).isEmpty();
        soft.assertThat(stats.acceptedMalformed).as("malformed JSON, non-UTF-8 bodies, wrongly typed fields or bad"
                + " credentials answered 2xx (API.md: 400 / 401) (seed %d)", seed).isEmpty();
        soft.assertThat(books.violations()).as("invariant violations after the fuzzing").isEmpty();
        soft.assertAll();
    }

    /** The families that hold most of the corpus: the short variant sends a fixed sample of them. */
    private static final java.util.Set<String> SAMPLED = java.util.Set.of("field-value", "credentials", "path-id",
            "query", "method", "idempotency-key");
    private static final int SHORT_CORPUS = 1_500;

    /**
     * The whole corpus in the long variant; in the short one every case of the small families (each encoding,
     * nesting, size, syntax, framing, header and boundary case) and a fixed sample of the big ones.
     */
    private static List<Supplier<HostileRequests.Case>> corpus(List<HostileRequests.Entry> all, long seed) {
        if (Reliability.isLong()) {
            return all.stream().map(HostileRequests.Entry::build).toList();
        }
        long small = all.stream().filter(e -> !SAMPLED.contains(e.family())).count();
        long big = all.size() - small;
        double keep = big == 0 ? 1 : Math.max(0, SHORT_CORPUS - small) / (double) big;
        Random sample = new Random(seed ^ 0x5DEECE66DL);
        return all.stream().filter(e -> !SAMPLED.contains(e.family()) || sample.nextDouble() < keep)
                .map(HostileRequests.Entry::build).toList();
    }
}
