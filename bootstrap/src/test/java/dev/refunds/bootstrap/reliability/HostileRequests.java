package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.Routes.Route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static dev.refunds.bootstrap.reliability.BodyCases.CONTENT_TYPES;
import static dev.refunds.bootstrap.reliability.BodyCases.SIZE_KINDS;
import static dev.refunds.bootstrap.reliability.BodyCases.SYNTAX_KINDS;
import static dev.refunds.bootstrap.reliability.EncodingCases.ENCODING_KINDS;
import static dev.refunds.bootstrap.reliability.FramingCases.FRAMING_KINDS;
import static dev.refunds.bootstrap.reliability.HeaderCases.CREDENTIAL_KINDS;
import static dev.refunds.bootstrap.reliability.HeaderCases.HEADER_KINDS;
import static dev.refunds.bootstrap.reliability.HeaderCases.KEY_KINDS;
import static dev.refunds.bootstrap.reliability.HostileValues.ID_SHAPES;
import static dev.refunds.bootstrap.reliability.HostileValues.LARGEST;
import static dev.refunds.bootstrap.reliability.HostileValues.WRONG_TYPES;
import static dev.refunds.bootstrap.reliability.HostileValues.valuesFor;
import static dev.refunds.bootstrap.reliability.JsonText.show;
import static dev.refunds.bootstrap.reliability.PathCases.PATH_KINDS;
import static dev.refunds.bootstrap.reliability.PathCases.randomId;

/**
 * Hostile requests for every route the router knows (v1, v2, admin, webhooks) and for paths it does not: malformed,
 * oversized, wrongly typed, deeply nested, non-UTF-8, boundary-value and badly framed. A fixed corpus of the values
 * that matter (each boundary, each encoding, each id shape on each route) comes first, then random combinations
 * drawn from a seeded {@link Random}: the same seed gives the same cases, so every failure names its case and seed
 * and can be replayed. (jqwik, which the brief asked for, is not on the bootstrap module's test class path and the
 * suite may not change the build; the generators are plain functions of the random source for that reason.)
 *
 * <p>This class is the catalogue: which families go to which routes, how often. The cases themselves are made by
 * {@link BodyCases}, {@link EncodingCases}, {@link HeaderCases}, {@link PathCases} and {@link FramingCases}, each
 * spoiling one part of a {@link ValidRequests valid request}, from the values in {@link HostileValues}.
 */
final class HostileRequests {

    /** One request as bytes, with what the checks need to know about it. */
    record Case(String family, String description, String method, String path, byte[] bytes,
                boolean badFraming, String idempotencyKey, String idempotencyScope, boolean mustBeRejected) {
        /** The same request, marked as one no endpoint may accept (a 2xx to it is a finding). */
        Case rejectable(boolean must) {
            return new Case(family, description, method, path, bytes, badFraming, idempotencyKey, idempotencyScope,
                    must);
        }
    }

    /** A JSON literal written as is: {@code 1e400}, {@code NaN}, {@code 01}. */
    record Raw(String json) {
    }

    /** What the generator knows about the service under test: ids to aim at and the credentials to use. */
    interface Targets {
        String[] merchantHeaders();

        String[] otherMerchantHeaders();

        String adminToken();

        String merchantScope();

        /** A current id of this kind ({@code payment}, {@code refund}, {@code dispute}, {@code endpoint} …). */
        String id(String kind, Random random);

        long payId(Random random);

        String host();
    }

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"};

    private final List<Route> routes;
    private final Targets targets;
    private final ValidRequests valid;
    private final BodyCases bodies;
    private final EncodingCases encodings;
    private final HeaderCases headers;
    private final PathCases paths;
    private final FramingCases framing;

    HostileRequests(List<Route> routes, Targets targets) {
        this.routes = routes.stream().filter(Route::isApi).toList();
        this.targets = targets;
        this.valid = new ValidRequests(targets);
        this.bodies = new BodyCases(valid);
        this.encodings = new EncodingCases(valid);
        this.headers = new HeaderCases(valid);
        this.paths = new PathCases(valid);
        this.framing = new FramingCases(targets);
    }

    List<Route> routes() {
        return routes;
    }

    // ------------------------------------------------------------------------------------------------ the corpus

    /** A corpus case, built only when it is sent. */
    record Entry(String family, Supplier<Case> build) {
    }

    private static void add(List<Entry> cases, String family, Supplier<Case> build) {
        cases.add(new Entry(family, build));
    }

    /** The fixed cases: every value that matters, on every route it applies to. Cases are built when asked for. */
    List<Entry> corpus() {
        List<Entry> cases = new ArrayList<>();
        for (Route route : routes) {
            Map<String, Object> template = valid.bodyTemplate(route);
            if (template != null) {
                for (String field : template.keySet()) {
                    for (Object value : valuesFor(field)) {
                        add(cases, "field-value", () -> bodies.fieldCase(route, field, value, new Random(field.hashCode())));
                    }
                    for (String wrong : WRONG_TYPES) {
                        add(cases, "field-value", () -> bodies.fieldCase(route, field, new Raw(wrong), new Random(wrong.hashCode())));
                    }
                    add(cases, "missing-field", () -> valid.withBody(route, new Random(1), "missing-field", "without " + field,
                            without(valid.bodyFor(route, new Random(1)), field)));
                }
                for (int kind = 0; kind < SYNTAX_KINDS; kind++) {
                    int k = kind;
                    add(cases, "json-syntax", () -> bodies.syntaxCase(route, k, new Random(k)));
                }
                for (int kind = 0; kind < ENCODING_KINDS; kind++) {
                    int k = kind;
                    add(cases, "encoding", () -> encodings.encodingCase(route, k, new Random(k)));
                }
                for (int depth : new int[] {64, 512, 1001, 5_000, 30_000}) {
                    add(cases, "nesting", () -> bodies.nestingCase(route, depth, 0, new Random(depth)));
                    add(cases, "nesting", () -> bodies.nestingCase(route, depth, 1, new Random(depth)));
                    add(cases, "nesting", () -> bodies.nestingCase(route, depth, 2, new Random(depth)));
                }
                for (int kind = 0; kind < SIZE_KINDS; kind++) {
                    int k = kind;
                    add(cases, "size", () -> bodies.sizeCase(route, k, new Random(k)));
                }
                for (int kind = 0; kind < CONTENT_TYPES.size(); kind++) {
                    int k = kind;
                    add(cases, "content-type", () -> bodies.contentTypeCase(route, k, new Random(k)));
                }
            }
            if (route.method().equals("POST")) {
                for (int kind = 0; kind < KEY_KINDS; kind++) {
                    int k = kind;
                    add(cases, "idempotency-key", () -> headers.keyCase(route, k, new Random(k)));
                }
            }
            for (int kind = 0; kind < CREDENTIAL_KINDS; kind++) {
                int k = kind;
                add(cases, "credentials", () -> headers.credentialCase(route, k, new Random(k)));
            }
            for (String variable : route.pathVariables()) {
                for (String shape : ID_SHAPES) {
                    add(cases, "path-id", () -> paths.idCase(route, variable, shape, new Random(shape.hashCode())));
                }
                add(cases, "path-id", () -> paths.idCase(route, variable, paths.otherKindId(variable, new Random(7)), new Random(7)));
                add(cases, "path-id", () -> paths.idCase(route, variable, targets.id(kindOf(variable), new Random(8))
                        .toLowerCase(java.util.Locale.ROOT), new Random(8)));
            }
            for (String parameter : route.queryParameters()) {
                for (String value : paths.queryValues(parameter, new Random(parameter.hashCode()))) {
                    add(cases, "query", () -> paths.queryCase(route, parameter, value, new Random(value.hashCode())));
                }
            }
            for (String method : METHODS) {
                if (!method.equals(route.method())) {
                    add(cases, "method", () -> paths.methodCase(route, method, new Random(method.hashCode())));
                }
            }
        }
        for (Map.Entry<String, String> largest : LARGEST.entrySet()) {
            add(cases, "boundary-valid", () -> bodies.largestPayment(largest.getKey(), largest.getValue()));
        }
        for (int kind = 0; kind < PATH_KINDS; kind++) {
            int k = kind;
            add(cases, "path", () -> paths.pathCase(k, new Random(k)));
        }
        for (int kind = 0; kind < HEADER_KINDS; kind++) {
            int k = kind;
            add(cases, "headers", () -> headers.headerCase(pick(routes, new Random(k)), k, new Random(k)));
        }
        for (int kind = 0; kind < FRAMING_KINDS; kind++) {
            int k = kind;
            add(cases, "framing", () -> framing.framingCase(k, new Random(k)));
        }
        return cases;
    }

    // --------------------------------------------------------------------------------------------- random cases

    /** A random case: a random family, route and value, all from {@code random}. */
    Case random(Random random) {
        Route route = pick(routes, random);
        Map<String, Object> template = valid.bodyTemplate(route);
        int family = random.nextInt(100);
        if (template != null && family < 30) {
            List<String> fields = new ArrayList<>(template.keySet());
            String field = pick(fields, random);
            Object value = random.nextInt(4) == 0 ? new Raw(pick(WRONG_TYPES, random)) : pick(valuesFor(field),
                    random);
            if (random.nextInt(5) == 0) {   // two fields at once
                Map<String, Object> body = valid.bodyFor(route, random);
                body.put(field, value);
                String second = pick(fields, random);
                body.put(second, pick(valuesFor(second), random));
                return valid.withBody(route, random, "two-fields", field + " and " + second + " = " + show(body), body);
            }
            return bodies.fieldCase(route, field, value, random);
        }
        if (template != null && family < 40) {
            return bodies.syntaxCase(route, random.nextInt(SYNTAX_KINDS), random);
        }
        if (template != null && family < 48) {
            return encodings.encodingCase(route, random.nextInt(ENCODING_KINDS), random);
        }
        if (template != null && family < 52) {
            int[] depths = {100, 999, 1000, 1001, 2_000, 10_000, 32_000};
            return bodies.nestingCase(route, depths[random.nextInt(depths.length)], random.nextInt(3), random);
        }
        if (template != null && family < 56) {
            return bodies.sizeCase(route, random.nextInt(SIZE_KINDS), random);
        }
        if (template != null && family < 60) {
            return bodies.contentTypeCase(route, random.nextInt(CONTENT_TYPES.size()), random);
        }
        if (route.method().equals("POST") && family < 64) {
            return headers.keyCase(route, random.nextInt(KEY_KINDS), random);
        }
        if (family < 70) {
            return headers.credentialCase(route, random.nextInt(CREDENTIAL_KINDS), random);
        }
        if (!route.pathVariables().isEmpty() && family < 78) {
            String variable = pick(route.pathVariables(), random);
            String shape = random.nextInt(3) == 0 ? paths.otherKindId(variable, random)
                    : random.nextInt(2) == 0 ? pick(ID_SHAPES, random) : randomId(random);
            return paths.idCase(route, variable, shape, random);
        }
        if (!route.queryParameters().isEmpty() && family < 84) {
            String parameter = pick(route.queryParameters(), random);
            return paths.queryCase(route, parameter, pick(paths.queryValues(parameter, random), random), random);
        }
        if (family < 88) {
            return paths.methodCase(route, pick(Arrays.asList(METHODS), random), random);
        }
        if (family < 92) {
            return paths.pathCase(random.nextInt(PATH_KINDS), random);
        }
        if (family < 97) {
            return headers.headerCase(route, random.nextInt(HEADER_KINDS), random);
        }
        return framing.framingCase(random.nextInt(FRAMING_KINDS), random);
    }

    static String kindOf(String variable) {
        String name = variable.endsWith("Id") ? variable.substring(0, variable.length() - 2) : variable;
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
