package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.Routes.Audience;
import dev.refunds.bootstrap.reliability.Routes.Route;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenancy, as a matrix generated from the service's own route list (the Micronaut router, at run time), so an
 * endpoint added tomorrow is in it without anyone remembering: for every merchant route that takes an id — in its
 * path, as a {@code startingAfter} cursor, as v2's {@code pay_id} in the query or the body — business A naming
 * business B's resource gets exactly the answer A gets for an id that does not exist (status, code, field, and the
 * message once the id itself is blanked out), and B's rows stay as they were. Every admin route refuses merchant
 * credentials; every merchant route refuses the admin token. A route whose id or audience the matrix cannot place
 * fails the test until someone says what it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class EveryRouteAnswersAnotherBusinessesIdsLikeMissingOnesTest {
    /**
     * Query parameters that name nothing to look up: times, the merchant's own reference text, and the list filter
     * {@code paymentId} (another business's payment and a missing one both filter down to the same empty page;
     * RefundListFiltersTest checks that).
     */
    private static final Set<String> PLAIN_QUERY = Set.of("status", "limit", "from", "to", "createdFrom", "createdTo",
            "merchantRef", "paymentId");
    /** What a list's {@code startingAfter} cursor is the id of, per list route. */
    private static final Map<String, String> CURSOR_KIND = Map.of(
            "/api/v1/payments", "payment",
            "/api/v1/refunds", "refund",
            "/api/v1/webhook-endpoints/{endpointId}/deliveries", "delivery",
            "/api/admin/refunds", "refund");
    /** Routes that read an id from their JSON body, and which field. */
    private static final Map<String, String> BODY_ID = Map.of("POST /api/v2/refundPayment", "pay_id");

    private RunningService service;
    private JdbcSettings database;
    private Api api;
    private Merchant mine;
    private Merchant theirs;
    private TwoTenants tenants;
    /** kind -> {A's id, B's id}; the webhook kinds only while the webhook feature is there. */
    private Map<String, String[]> ids;
    private final Random random = new Random(11);

    @BeforeAll
    void start() throws IOException {
        database = Backend.MARIADB.newDatabase();
        service = RunningService.start(database, Map.of(
                "refunds.webhooks.enabled", true,
                "refunds.webhooks.allow-private-targets", true,
                "refunds.webhooks.retry-schedule", "",
                "refunds.webhooks.poll-every", "100ms"));
        api = service.api();
        tenants = new TwoTenants(service, database);
        mine = tenants.mine;
        theirs = tenants.theirs;
        ids = tenants.ids;
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void another_businesss_ids_answer_like_missing_ones_on_every_route_and_credentials_never_cross_audiences() {
        List<Route> routes = Routes.of(service);
        List<String> unplaced = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> crossed = new ArrayList<>();
        int comparisons = 0;
        int credentialChecks = 0;
        Map<String, String> theirRowsBefore = tenants.rowsOf(theirs);

        // 1. tenancy: theirs ≡ missing, on every merchant route that takes an id anywhere
        for (Route route : routes) {
            if (route.audience() == Audience.UNKNOWN) {
                unplaced.add(route + ": neither a merchant, an admin nor an open route; say which in Routes");
                continue;
            }
            if (route.audience() != Audience.MERCHANT) {
                continue;
            }
            for (String variable : route.pathVariables()) {
                String kind = HostileRequests.kindOf(variable);
                if (!ids.containsKey(kind)) {
                    unplaced.add(route + ": path variable {" + variable + "} is no id kind the matrix knows");
                    continue;
                }
                comparisons += compare(route, Map.of(variable, kind), null, null, leaks);
            }
            if (route.pathVariables().size() > 1) {   // all of them theirs at once
                Map<String, String> all = new LinkedHashMap<>();
                route.pathVariables().forEach(v -> all.put(v, HostileRequests.kindOf(v)));
                if (all.values().stream().allMatch(ids::containsKey)) {
                    comparisons += compare(route, all, null, null, leaks);
                }
            }
            for (String parameter : route.queryParameters()) {
                if (PLAIN_QUERY.contains(parameter)) {
                    continue;
                }
                String kind = parameter.equals("pay_id") ? "payid" : parameter.equals("startingAfter")
                        ? CURSOR_KIND.get(route.template()) : null;
                if (kind == null || !ids.containsKey(kind)) {
                    unplaced.add(route + ": query parameter " + parameter + " is not placed (an id? of what kind?)");
                    continue;
                }
                comparisons += compare(route, Map.of(), parameter, kind, leaks);
            }
            String bodyField = BODY_ID.get(route.toString());
            if (bodyField != null) {
                comparisons += compare(route, Map.of(), "body:" + bodyField, "payid", leaks);
            }
        }

        // 2. credentials never cross audiences
        for (Route route : routes) {
            if (route.audience() == Audience.ADMIN) {
                credentialChecks += refuses(route, crossed, "A's merchant headers", mine.headers());
                credentialChecks += refuses(route, crossed, "A's API key as the bearer token",
                        "Authorization", "Bearer " + mine.apiKey());
                credentialChecks += refuses(route, crossed, "merchant headers and A's API key as bearer",
                        Api.with(mine.headers(), "Authorization", "Bearer " + mine.apiKey()));
                credentialChecks += refuses(route, crossed, "no credentials");
            } else if (route.audience() == Audience.MERCHANT) {
                credentialChecks += refuses(route, crossed, "the admin bearer token", Api.admin());
                credentialChecks += refuses(route, crossed, "the admin token as the API key", "Client-Id",
                        mine.clientId(), "Business-Id", mine.businessId(), "X-Api-Key", RunningService.ADMIN_TOKEN);
                credentialChecks += refuses(route, crossed, "A's ids with the admin bearer instead of a key",
                        "Client-Id", mine.clientId(), "Business-Id", mine.businessId(), "Authorization",
                        "Bearer " + RunningService.ADMIN_TOKEN);
                credentialChecks += refuses(route, crossed, "A's client with B's business and A's key", "Client-Id",
                        mine.clientId(), "Business-Id", theirs.businessId(), "X-Api-Key", mine.apiKey());
                credentialChecks += refuses(route, crossed, "B's client with A's business and A's key", "Client-Id",
                        theirs.clientId(), "Business-Id", mine.businessId(), "X-Api-Key", mine.apiKey());
                credentialChecks += refuses(route, crossed, "no credentials");
            }
        }
        Map<String, String> theirRowsAfter = tenants.rowsOf(theirs);
        List<String> theirChanges = new ArrayList<>();
        theirRowsBefore.forEach((table, before) -> {
            if (!before.equals(theirRowsAfter.get(table))) {
                theirChanges.add(table + " of business B changed:\n  before " + before + "\n  after  "
                        + theirRowsAfter.get(table));
            }
        });
        BooksChecker.Report books = BooksChecker.of(database, List.of(mine.businessId(), theirs.businessId()), 0)
                .check();

        Reliability.figures(getClass().getSimpleName(), routes.size() + " routes ("
                + routes.stream().filter(r -> r.audience() == Audience.MERCHANT).count() + " merchant, "
                + routes.stream().filter(r -> r.audience() == Audience.ADMIN).count() + " admin), id kinds "
                + ids.keySet() + "; " + comparisons + " theirs-vs-missing comparisons, " + leaks.size()
                + " differing; " + credentialChecks + " cross-audience credential checks, " + crossed.size()
                + " not refused; " + unplaced.size() + " unplaced; " + theirChanges.size()
                + " changes to B's rows; books: " + books.summary());
        routes.forEach(r -> System.out.println("  ROUTE " + r.audience() + " " + r + " vars " + r.pathVariables()
                + " query " + r.queryParameters() + (r.takesBody() ? " body" : "")));
        leaks.forEach(l -> System.out.println("  LEAK " + l));
        crossed.forEach(c -> System.out.println("  CROSSED " + c));
        unplaced.forEach(u -> System.out.println("  UNPLACED " + u));
        theirChanges.forEach(c -> System.out.println("  CHANGED " + c));

        assertThat(unplaced).as("routes the matrix cannot place (add them to it)").isEmpty();
        assertThat(comparisons).as("theirs-vs-missing comparisons").isPositive();
        assertThat(leaks).as("another business's id answered differently from a missing one").isEmpty();
        assertThat(crossed).as("credentials of one audience accepted by the other").isEmpty();
        assertThat(theirChanges).as("business B's rows changed by business A's requests").isEmpty();
        assertThat(books.violations()).as("invariant violations").isEmpty();
    }

    /**
     * One comparison: the route with {@code theirsIn} path variables (or the query parameter / body field) set to
     * B's id, against the same with a missing id of the same kind; everything else is A's. Returns 1.
     */
    private int compare(Route route, Map<String, String> theirsIn, String parameter, String parameterKind,
                        List<String> leaks) {
        Map<String, String> theirPath = new HashMap<>();
        Map<String, String> missingPath = new HashMap<>();
        List<String> substituted = new ArrayList<>();
        for (String variable : route.pathVariables()) {
            String kind = HostileRequests.kindOf(variable);
            String[] pair = ids.get(kind);
            if (theirsIn.containsKey(variable)) {
                String missing = missing(pair[1]);
                theirPath.put(variable, pair[1]);
                missingPath.put(variable, missing);
                substituted.add(pair[1]);
                substituted.add(missing);
            } else {
                String own = pair == null ? "X" : pair[0];
                theirPath.put(variable, own);
                missingPath.put(variable, own);
            }
        }
        String theirValue = null;
        String missingValue = null;
        if (parameter != null) {
            theirValue = ids.get(parameterKind)[1];
            missingValue = missing(theirValue);
            substituted.add(theirValue);
            substituted.add(missingValue);
        }
        ApiResponse theirAnswer = send(route, theirPath, parameter, theirValue, mine.headers());
        ApiResponse missingAnswer = send(route, missingPath, parameter, missingValue, mine.headers());
        String what = route + " with B's " + (parameter != null ? parameter : String.join("+", theirsIn.keySet()));
        String theirs = fingerprint(theirAnswer, substituted);
        String missing = fingerprint(missingAnswer, substituted);
        if (!theirs.equals(missing)) {
            leaks.add(what + ": " + theirAnswer + "  — but a missing id: " + missingAnswer);
        } else if (theirAnswer.status() < 300) {
            leaks.add(what + ": both answered " + theirAnswer.status() + " (a missing id must not succeed): "
                    + theirAnswer);
        }
        return 1;
    }

    private ApiResponse send(Route route, Map<String, String> pathIds, String parameter, String value,
                             String... headers) {
        String path = route.path(pathIds);
        String body = route.method().equals("POST") ? unionBody(null) : null;
        if (parameter != null && parameter.startsWith("body:")) {
            body = unionBody(value);
        } else if (parameter != null) {
            path += "?" + parameter + "=" + value;
        } else if (route.queryParameters().contains("pay_id")) {
            path += "?pay_id=" + ids.get("payid")[0];
        }
        return api.send(route.method(), path, body, body == null ? null : "application/json", headers);
    }

    /** One body that gets past validation on every POST route: unknown fields are ignored. */
    private String unionBody(String payId) {
        return "{\"amount\":\"1.00\",\"reason\":\"tenancy matrix\",\"outcome\":\"WON\",\"url\":\"https://8.8.8.8/h\","
                + "\"pay_id\":" + (payId == null ? ids.get("payid")[0] : payId) + ",\"refund_amount\":1.00}";
    }

    /** Status, error code, field and message, with the ids that were swapped in blanked out. */
    private static String fingerprint(ApiResponse answer, List<String> substituted) {
        if (answer.json() == null) {
            return answer.status() + " (not JSON) " + answer.raw();
        }
        String message = String.valueOf(answer.errorMessage());
        for (String id : substituted) {
            message = message.replace(id, "<id>");
        }
        return answer.status() + " " + answer.errorCode() + " " + answer.errorField() + " " + message;
    }

    /** Checks the route refuses these credentials with 401 UNAUTHORIZED; returns 1. */
    private int refuses(Route route, List<String> crossed, String what, String... headers) {
        Map<String, String> own = new HashMap<>();
        for (String variable : route.pathVariables()) {
            String[] pair = ids.get(HostileRequests.kindOf(variable));
            own.put(variable, pair == null ? "X_1" : pair[0]);
        }
        ApiResponse answer = send(route, own, null, null, headers);
        boolean head = route.method().equals("HEAD");   // no body to carry the code
        if (answer.status() != 401 || !head && (answer.json() == null || !"UNAUTHORIZED".equals(answer.errorCode()))) {
            crossed.add(route + " with " + what + ": " + answer);
        }
        return 1;
    }

    /** An id of the same shape as {@code real} that names nothing: its random tail changed. */
    private String missing(String real) {
        if (real.chars().allMatch(Character::isDigit)) {
            return Long.toString(1_000_000_000_000_000L + Math.floorMod(random.nextLong(), 8_000_000_000_000_000L));
        }
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tail.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return real.substring(0, real.length() - 6) + tail;
    }
}
