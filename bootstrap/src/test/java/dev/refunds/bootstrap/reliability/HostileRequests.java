package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.Routes.Audience;
import dev.refunds.bootstrap.reliability.Routes.Route;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hostile requests for every route the router knows (v1, v2, admin, webhooks) and for paths it does not: malformed,
 * oversized, wrongly typed, deeply nested, non-UTF-8, boundary-value and badly framed. A fixed corpus of the values
 * that matter (each boundary, each encoding, each id shape on each route) comes first, then random combinations
 * drawn from a seeded {@link Random}: the same seed gives the same cases, so every failure names its case and seed
 * and can be replayed. (jqwik, which the brief asked for, is not on the bootstrap module's test class path and the
 * suite may not change the build; the generators are plain functions of the random source for that reason.)
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

    /** Routes whose body fields this generator knows (a route added later gets the fields most bodies have). */
    private static final java.util.Set<String> KNOWN_BODIES = java.util.Set.of("/api/v1/payments",
            "/api/v1/payments/{paymentId}/refunds", "/api/v2/refundPayment", "/api/admin/businesses",
            "/api/admin/refunds/{refundId}/reject", "/api/admin/payments/{paymentId}/disputes",
            "/api/admin/disputes/{disputeId}/close", "/api/v1/webhook-endpoints");
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"};

    static final List<String> TEXTS = List.of("", " ", "\t", "\n", "a", "x".repeat(99), "x".repeat(100),
            "x".repeat(101), "x".repeat(199), "x".repeat(200), "x".repeat(201), "x".repeat(255), "x".repeat(256),
            "x".repeat(499), "x".repeat(500), "x".repeat(501), "x".repeat(2049), "x".repeat(20_000),
            "é".repeat(500), "😀".repeat(250), "😀".repeat(251), "e" + "\u0301".repeat(499), "\ud800", "a\udc00b",
            "\udbff\udfff", "\u0000", "a\u0000b", "\u202egnp.exe", "\ufeffBOM", "\uffff", "\u0001\u001f\u007f",
            "' OR '1'='1' --", "\"; DROP TABLE refunds; --", "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>",
            "%00", "../../etc/passwd", "\\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "👨‍👩‍👧‍👦", "\r\nX-Injected: 1");
    static final List<String> AMOUNTS = List.of("0.00", "0.01", "0.1", "1", "1.0", "1.00", "1.000", "1.0000",
            "-1.00", "+1.00", " 1.00", "1.00 ", "1,00", "1.00\u0000", "１.００", "١.٠٠", "१.००", "1e2", "1E2", "0x10",
            "NaN", "Infinity", "-0.00", ".50", "5.", "00.50", "01.00", "999999999999999.99", "1000000000000000.00",
            "999999999999999", "999999999999999.999", "999999999999999.9999", "9223372036854775807",
            "92233720368547758.07", "0.001", "", "  ", "1.00.00", "1..00", "1_000.00", "1 000.00",
            "1.00" + "0".repeat(40), "9".repeat(33));
    static final List<String> CURRENCIES = List.of("BDT", "USD", "JPY", "KWD", "CLF", "BHD", "bdt", "Bdt", "BDT ",
            "XXX", "XTS", "XAU", "EUR", "ABC", "BD", "BDTT", "", "   ", "\u0000\u0000\u0000", "ＢＤＴ", "B\u0000T",
            "123");
    /** The largest amount of each currency with a minor unit, as text: 15 integer digits (README, "Amounts"). */
    static final Map<String, String> LARGEST = Map.of("BDT", "999999999999999.99", "USD", "999999999999999.99",
            "JPY", "999999999999999", "KWD", "999999999999999.999", "BHD", "999999999999999.999",
            "CLF", "999999999999999.9999");
    static final List<String> NUMBERS = List.of("0", "-0", "0.0", "-1", "1", "0.01", "0.001", "1e2", "1E+2", "1e-2",
            "49.99", "49.990", "1e400", "-1e400", "1e-400", "123456789012345678901234567890.5", "9007199254740991",
            "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808",
            "18446744073709551616", "1.5", "0.1e1", "999999999999999.99", "999999999999999.9999", "NaN", "Infinity",
            "-Infinity", "01", "+1", ".5", "5.", "0x10", "1_000", "\"49.99\"", "true", "false", "null", "[]", "{}",
            "[1]", "{\"$gt\":0}", "1" + "0".repeat(400));
    static final List<String> WRONG_TYPES = List.of("0", "-1", "1.5", "1e999", "true", "false", "null", "[]",
            "[\"x\"]", "{}", "{\"a\":1}", "[[[[[[[[[[]]]]]]]]]]", "\"\"");
    static final List<String> URLS = List.of("", "https://8.8.8.8/hook", "http://8.8.8.8/hook", "https://",
            "https:///x", "ftp://8.8.8.8/", "javascript:alert(1)", "file:///etc/passwd",
            "https://8.8.8.8/" + "a".repeat(2100), "https://[::1]/", "https://localhost/", "https://u:p@8.8.8.8/",
            "https://8.8.8.8:99999/", "https://8.8.8.8/\u0000", "https://exa mple.com/", "//8.8.8.8/x",
            "https://169.254.169.254/latest/meta-data/", "https://0x7f000001/", "https://[::ffff:127.0.0.1]/");
    static final List<String> ID_SHAPES = List.of("PAY_20260101_ABCDEFGHJK", "REF_20260101_ABCDEFGHJK",
            "x".repeat(64), "x".repeat(65), "%2e%2e", "..", ".", "%2F", "%ZZ", "%", "%C3%A9", "%FF", "*", ";",
            "PAY_1;x=1", "1", "-1", "0", "null", "%7BpaymentId%7D", "%00", "%20", "a%0Ab", "é", "\u0000");

    private final List<Route> routes;
    private final Targets targets;

    HostileRequests(List<Route> routes, Targets targets) {
        this.routes = routes.stream().filter(Route::isApi).toList();
        this.targets = targets;
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
            Map<String, Object> template = bodyTemplate(route);
            if (template != null) {
                for (String field : template.keySet()) {
                    for (Object value : valuesFor(field)) {
                        add(cases, "field-value", () -> fieldCase(route, field, value, new Random(field.hashCode())));
                    }
                    for (String wrong : WRONG_TYPES) {
                        add(cases, "field-value", () -> fieldCase(route, field, new Raw(wrong), new Random(wrong.hashCode())));
                    }
                    add(cases, "missing-field", () -> withBody(route, new Random(1), "missing-field", "without " + field,
                            without(bodyFor(route, new Random(1)), field)));
                }
                for (int kind = 0; kind < SYNTAX_KINDS; kind++) {
                    int k = kind;
                    add(cases, "json-syntax", () -> syntaxCase(route, k, new Random(k)));
                }
                for (int kind = 0; kind < ENCODING_KINDS; kind++) {
                    int k = kind;
                    add(cases, "encoding", () -> encodingCase(route, k, new Random(k)));
                }
                for (int depth : new int[] {64, 512, 1001, 5_000, 30_000}) {
                    add(cases, "nesting", () -> nestingCase(route, depth, 0, new Random(depth)));
                    add(cases, "nesting", () -> nestingCase(route, depth, 1, new Random(depth)));
                    add(cases, "nesting", () -> nestingCase(route, depth, 2, new Random(depth)));
                }
                for (int kind = 0; kind < SIZE_KINDS; kind++) {
                    int k = kind;
                    add(cases, "size", () -> sizeCase(route, k, new Random(k)));
                }
                for (int kind = 0; kind < CONTENT_TYPES.size(); kind++) {
                    int k = kind;
                    add(cases, "content-type", () -> contentTypeCase(route, k, new Random(k)));
                }
            }
            if (route.method().equals("POST")) {
                for (int kind = 0; kind < KEY_KINDS; kind++) {
                    int k = kind;
                    add(cases, "idempotency-key", () -> keyCase(route, k, new Random(k)));
                }
            }
            for (int kind = 0; kind < CREDENTIAL_KINDS; kind++) {
                int k = kind;
                add(cases, "credentials", () -> credentialCase(route, k, new Random(k)));
            }
            for (String variable : route.pathVariables()) {
                for (String shape : ID_SHAPES) {
                    add(cases, "path-id", () -> idCase(route, variable, shape, new Random(shape.hashCode())));
                }
                add(cases, "path-id", () -> idCase(route, variable, otherKindId(variable, new Random(7)), new Random(7)));
                add(cases, "path-id", () -> idCase(route, variable, targets.id(kindOf(variable), new Random(8))
                        .toLowerCase(java.util.Locale.ROOT), new Random(8)));
            }
            for (String parameter : route.queryParameters()) {
                for (String value : queryValues(parameter, new Random(parameter.hashCode()))) {
                    add(cases, "query", () -> queryCase(route, parameter, value, new Random(value.hashCode())));
                }
            }
            for (String method : METHODS) {
                if (!method.equals(route.method())) {
                    add(cases, "method", () -> methodCase(route, method, new Random(method.hashCode())));
                }
            }
        }
        for (Map.Entry<String, String> largest : LARGEST.entrySet()) {
            add(cases, "boundary-valid", () -> largestPayment(largest.getKey(), largest.getValue()));
        }
        for (int kind = 0; kind < PATH_KINDS; kind++) {
            int k = kind;
            add(cases, "path", () -> pathCase(k, new Random(k)));
        }
        for (int kind = 0; kind < HEADER_KINDS; kind++) {
            int k = kind;
            add(cases, "headers", () -> headerCase(pick(routes, new Random(k)), k, new Random(k)));
        }
        for (int kind = 0; kind < FRAMING_KINDS; kind++) {
            int k = kind;
            add(cases, "framing", () -> framingCase(k, new Random(k)));
        }
        return cases;
    }

    // --------------------------------------------------------------------------------------------- random cases

    /** A random case: a random family, route and value, all from {@code random}. */
    Case random(Random random) {
        Route route = pick(routes, random);
        Map<String, Object> template = bodyTemplate(route);
        int family = random.nextInt(100);
        if (template != null && family < 30) {
            List<String> fields = new ArrayList<>(template.keySet());
            String field = pick(fields, random);
            Object value = random.nextInt(4) == 0 ? new Raw(pick(WRONG_TYPES, random)) : pick(valuesFor(field),
                    random);
            if (random.nextInt(5) == 0) {   // two fields at once
                Map<String, Object> body = bodyFor(route, random);
                body.put(field, value);
                String second = pick(fields, random);
                body.put(second, pick(valuesFor(second), random));
                return withBody(route, random, "two-fields", field + " and " + second + " = " + show(body), body);
            }
            return fieldCase(route, field, value, random);
        }
        if (template != null && family < 40) {
            return syntaxCase(route, random.nextInt(SYNTAX_KINDS), random);
        }
        if (template != null && family < 48) {
            return encodingCase(route, random.nextInt(ENCODING_KINDS), random);
        }
        if (template != null && family < 52) {
            int[] depths = {100, 999, 1000, 1001, 2_000, 10_000, 32_000};
            return nestingCase(route, depths[random.nextInt(depths.length)], random.nextInt(3), random);
        }
        if (template != null && family < 56) {
            return sizeCase(route, random.nextInt(SIZE_KINDS), random);
        }
        if (template != null && family < 60) {
            return contentTypeCase(route, random.nextInt(CONTENT_TYPES.size()), random);
        }
        if (route.method().equals("POST") && family < 64) {
            return keyCase(route, random.nextInt(KEY_KINDS), random);
        }
        if (family < 70) {
            return credentialCase(route, random.nextInt(CREDENTIAL_KINDS), random);
        }
        if (!route.pathVariables().isEmpty() && family < 78) {
            String variable = pick(route.pathVariables(), random);
            String shape = random.nextInt(3) == 0 ? otherKindId(variable, random)
                    : random.nextInt(2) == 0 ? pick(ID_SHAPES, random) : randomId(random);
            return idCase(route, variable, shape, random);
        }
        if (!route.queryParameters().isEmpty() && family < 84) {
            String parameter = pick(route.queryParameters(), random);
            return queryCase(route, parameter, pick(queryValues(parameter, random), random), random);
        }
        if (family < 88) {
            return methodCase(route, pick(Arrays.asList(METHODS), random), random);
        }
        if (family < 92) {
            return pathCase(random.nextInt(PATH_KINDS), random);
        }
        if (family < 97) {
            return headerCase(route, random.nextInt(HEADER_KINDS), random);
        }
        return framingCase(random.nextInt(FRAMING_KINDS), random);
    }

    // ------------------------------------------------------------------------------------------------- families

    private Case fieldCase(Route route, String field, Object value, Random random) {
        Map<String, Object> body = bodyFor(route, random);
        body.put(field, value);
        boolean wrongType = value instanceof Raw raw && WRONG_TYPES.contains(raw.json()) && !raw.json().equals("null")
                && !raw.json().equals("\"\"") && !field.equals("pay_id") && !field.equals("refund_amount")
                && !(field.equals("isFullRefund") && (raw.json().equals("true") || raw.json().equals("false")))
                && KNOWN_BODIES.contains(route.template());
        return withBody(route, random, "field-value", field + " = " + show(value), body).rejectable(wrongType);
    }

    private static final int SYNTAX_KINDS = 22;

    private Case syntaxCase(Route route, int kind, Random random) {
        String json = write(bodyFor(route, random));
        String text = switch (kind) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> insertAt(json, random.nextInt(json.length() + 1), String.valueOf((char) (32 + random.nextInt(95))));
            case 2 -> json.length() < 2 ? "" : deleteAt(json, random.nextInt(json.length()));
            case 3 -> json.substring(0, json.length() - 1) + ",\"amount\":\"2.00\",\"reason\":null}";
            case 4 -> "[" + json + "]";
            case 5 -> "null";
            case 6 -> "\"" + json.replace("\"", "\\\"") + "\"";
            case 7 -> "";
            case 8 -> json + "x";
            case 9 -> json + " " + json;
            case 10 -> "/* c */" + json;
            case 11 -> json.replace("\"", "'");
            case 12 -> json.replaceAll("\"([A-Za-z_]+)\":", "$1:");
            case 13 -> json.substring(0, json.length() - 1) + ",}";
            case 14 -> json.replaceFirst(":\\s*\"[^\"]*\"", ":NaN");
            case 15 -> json.replaceFirst(":\\s*\"[^\"]*\"", ":0x1F");
            case 16 -> json.replaceFirst(":\\s*\"[^\"]*\"", ":01");
            case 17 -> "{" + json;
            case 18 -> json + "\u0000";
            case 19 -> " \t\r\n" + json + " \t\r\n";
            case 20 -> "{\"a\":" + json + "}";
            default -> json.replace(":", "=");
        };
        boolean malformed = (kind == 0 || kind == 4 || kind == 6 || (kind >= 8 && kind <= 18) || kind == 21)
                && !text.equals(json);   // a rewrite that found nothing to rewrite left valid JSON
        return bytesCase(route, random, "json-syntax", "syntax " + kind + ": " + Envelope.abbreviate(text),
                text.getBytes(StandardCharsets.UTF_8), "application/json").rejectable(malformed);
    }

    private static final int ENCODING_KINDS = 14;
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1},
        {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}};

    private Case encodingCase(Route route, int kind, Random random) {
        Map<String, Object> body = bodyFor(route, random);
        String field = pick(new ArrayList<>(body.keySet()), random);
        byte[] bytes;
        String what;
        String contentType = "application/json";
        if (kind < BAD_UTF8.length) {
            body.put(field, "MARK");
            bytes = replace(write(body).getBytes(StandardCharsets.UTF_8), "MARK".getBytes(StandardCharsets.US_ASCII),
                    concat("ab".getBytes(StandardCharsets.US_ASCII), BAD_UTF8[kind]));
            what = "invalid UTF-8 " + hex(BAD_UTF8[kind]) + " in " + field;
        } else {
            body.put(field, "café ünïcødé");
            String json = write(body);
            switch (kind - BAD_UTF8.length) {
                case 0 -> {
                    bytes = json.getBytes(StandardCharsets.ISO_8859_1);
                    what = "Latin-1 body sent as UTF-8";
                }
                case 1 -> {
                    bytes = json.getBytes(StandardCharsets.UTF_16LE);
                    what = "UTF-16LE body";
                }
                case 2 -> {
                    bytes = json.getBytes(StandardCharsets.UTF_16);
                    what = "UTF-16 body with BOM";
                    contentType = "application/json; charset=utf-16";
                }
                case 3 -> {
                    bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json.getBytes(StandardCharsets.UTF_8));
                    what = "UTF-8 BOM";
                }
                case 4 -> {
                    bytes = new byte[1 + random.nextInt(300)];
                    random.nextBytes(bytes);
                    what = "random bytes";
                }
                default -> {
                    bytes = json.getBytes(Charset.forName("UTF-32BE"));
                    what = "UTF-32 body";
                }
            }
        }
        // invalid UTF-8 (and Latin-1 sent as UTF-8) is not JSON text (RFC 8259, 8.1) and must never be read as
        // some other text; UTF-16/32 (which a parser may detect), the BOM and random bytes are not judged here
        boolean malformed = kind <= BAD_UTF8.length;
        return bytesCase(route, random, "encoding", what, bytes, contentType).rejectable(malformed);
    }

    private Case nestingCase(Route route, int depth, int shape, Random random) {
        String text = switch (shape) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> {
                Map<String, Object> body = bodyFor(route, random);
                String field = pick(new ArrayList<>(body.keySet()), random);
                body.put(field, new Raw("[".repeat(depth) + "]".repeat(depth)));
                yield write(body);
            }
        };
        return bytesCase(route, random, "nesting", "depth " + depth + " shape " + shape,
                text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static final int SIZE_KINDS = 9;

    private Case sizeCase(Route route, int kind, Random random) {
        Map<String, Object> body = bodyFor(route, random);
        String json = write(body);
        String field = pick(new ArrayList<>(body.keySet()), random);
        byte[] bytes;
        String what;
        switch (kind) {
            case 0 -> {   // exactly 64 KiB of valid JSON: the largest body allowed
                bytes = padTo(json, 65_536);
                what = "valid JSON padded to 65536 bytes";
            }
            case 1 -> {
                bytes = padTo(json, 65_537);
                what = "valid JSON padded to 65537 bytes";
            }
            case 2 -> {
                bytes = padTo(json, 1_048_576);
                what = "1 MiB body";
            }
            case 3 -> {
                body.put(field, "z".repeat(60_000));
                bytes = write(body).getBytes(StandardCharsets.UTF_8);
                what = "60000-char " + field;
            }
            case 4 -> {
                body.put(field, new Raw("9".repeat(60_000)));
                bytes = write(body).getBytes(StandardCharsets.UTF_8);
                what = "60000-digit number in " + field;
            }
            case 5 -> {
                Map<String, Object> many = new LinkedHashMap<>(body);
                IntStream.range(0, 5_000).forEach(i -> many.put("k" + i, i));
                bytes = write(many).getBytes(StandardCharsets.UTF_8);
                what = "5000 unknown fields";
            }
            case 6 -> {
                body.put(field, new Raw("[" + IntStream.range(0, 15_000).mapToObj(i -> "1")
                        .collect(Collectors.joining(",")) + "]"));
                bytes = write(body).getBytes(StandardCharsets.UTF_8);
                what = "15000-element array in " + field;
            }
            case 7 -> {
                body.put(field, "😀".repeat(16_000));
                bytes = write(body).getBytes(StandardCharsets.UTF_8);
                what = "16000 emoji in " + field;
            }
            default -> {
                bytes = new byte[0];
                what = "empty body";
            }
        }
        return bytesCase(route, random, "size", what, bytes, "application/json");
    }

    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/json; charset=utf-16",
            "application/json; charset=iso-8859-1", "application/json; charset=bogus", "APPLICATION/JSON",
            "application/json;;", "application/*", "*/*", "application/json, text/plain", "application/vnd.api+json",
            "", "application/json; boundary=\"", "text/json");

    private Case contentTypeCase(Route route, int kind, Random random) {
        String contentType = CONTENT_TYPES.get(kind);
        return bytesCase(route, random, "content-type", "Content-Type " + contentType,
                write(bodyFor(route, random)).getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static final int KEY_KINDS = 12;

    private Case keyCase(Route route, int kind, Random random) {
        String suffix = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String key = switch (kind) {
            case 0 -> "";
            case 1 -> "a" + suffix;                                   // valid
            case 2 -> (suffix + "k".repeat(255)).substring(0, 255);   // valid, the longest
            case 3 -> (suffix + "k".repeat(256)).substring(0, 256);   // one too long
            case 4 -> suffix + "k".repeat(5_000);
            case 5 -> "a b " + suffix;                                // valid: a blank inside
            case 6 -> "key\u007f" + suffix;                          // DEL is not printable
            case 7 -> "é" + suffix;
            case 8 -> "😀" + suffix;
            case 9 -> "\u0001" + suffix;
            case 10 -> "  padded " + suffix + "  ";
            default -> "\"quoted\"" + suffix;
        };
        Request request = base(route, random);
        request.header("X-Idempotency-Key", key);
        if (kind == 11) {
            request.header("X-Idempotency-Key", "second-" + suffix);
        }
        return request.build("idempotency-key", "key " + show(key) + (kind == 11 ? " twice" : ""), key);
    }

    private static final int CREDENTIAL_KINDS = 16;

    private Case credentialCase(Route route, int kind, Random random) {
        Request request = base(route, random);
        request.headers.removeIf(h -> h[0].equals("Client-Id") || h[0].equals("Business-Id") || h[0].equals("X-Api-Key")
                || h[0].equals("Authorization"));
        String[] merchant = targets.merchantHeaders();
        String[] other = targets.otherMerchantHeaders();
        String what;
        switch (kind) {
            case 0 -> what = "no credentials";
            case 1 -> {
                request.header(merchant[2], merchant[3]).header(merchant[4], merchant[5]);
                what = "no Client-Id";
            }
            case 2 -> {
                request.header(merchant[0], merchant[1]).header(merchant[4], merchant[5]);
                what = "no Business-Id";
            }
            case 3 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]);
                what = "no X-Api-Key";
            }
            case 4 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]).header(merchant[4], "sk_live_x");
                what = "wrong API key";
            }
            case 5 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]).header(other[4], other[5]);
                what = "another business's API key";
            }
            case 6 -> {
                request.header(other[0], other[1]).header(merchant[2], merchant[3]).header(merchant[4], merchant[5]);
                what = "another business's Client-Id";
            }
            case 7 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3].toLowerCase(
                        java.util.Locale.ROOT)).header(merchant[4], merchant[5]);
                what = "Business-Id in lower case";
            }
            case 8 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3])
                        .header(merchant[4], "k".repeat(10_000));
                what = "10000-char API key";
            }
            case 9 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3])
                        .rawHeader("X-Api-Key", concat(merchant[5].getBytes(StandardCharsets.US_ASCII),
                                new byte[] {(byte) 0xC3, (byte) 0xA9}));
                what = "API key with non-ASCII bytes";
            }
            case 10 -> {
                request.header(merchant[0], merchant[1]).header(merchant[2], merchant[3]).header(merchant[4], merchant[5])
                        .header(merchant[4], "sk_live_x");
                what = "two X-Api-Key headers";
            }
            case 11 -> {
                request.header("Authorization", "Bearer " + targets.adminToken());
                what = "the admin token";
            }
            case 12 -> {
                request.header("Authorization", "bearer " + targets.adminToken());
                what = "lower-case bearer";
            }
            case 13 -> {
                request.header("Authorization", "Bearer  " + targets.adminToken());
                what = "Bearer with two spaces";
            }
            case 14 -> {
                request.header("Authorization", "Bearer " + targets.adminToken() + "x");
                what = "admin token plus a character";
            }
            default -> {
                request.header(merchant[0], "").header(merchant[2], "").header(merchant[4], "")
                        .header("Authorization", "Basic dGVzdDp0ZXN0");
                what = "empty merchant headers and Basic auth";
            }
        }
        boolean adminRoute = route.audience() == Audience.ADMIN;
        // two X-Api-Key headers (the right one first) and "bearer" in lower case (RFC 7235: the scheme is
        // case-insensitive) are not judged
        return request.build("credentials", what, null).rejectable(kind != 10 && !(adminRoute && (kind == 11
                || kind == 12)));
    }

    private Case idCase(Route route, String variable, String shape, Random random) {
        Request request = base(route, random);
        Map<String, String> ids = idsFor(route, random);
        ids.put(variable, shape);
        request.target = route.path(ids) + request.query();
        return request.build("path-id", "{" + variable + "} = " + show(shape), null);
    }

    private Case queryCase(Route route, String parameter, String value, Random random) {
        Request request = base(route, random);
        request.target = route.path(idsFor(route, random)) + "?" + parameter + "=" + value
                + (random.nextInt(4) == 0 ? "&" + parameter + "=" + value + "x" : "");
        return request.build("query", parameter + "=" + show(value), null);
    }

    private Case methodCase(Route route, String method, Random random) {
        Request request = base(route, random);
        request.method = method;
        return request.build("method", method + " on " + route.template(), null);
    }

    private static final int PATH_KINDS = 20;

    private Case pathCase(int kind, Random random) {
        String[] paths = {"/", "/api", "/api/", "/api/v1", "/api/v1/", "/api/v3/payments", "/API/V1/PAYMENTS",
            "/api/v1/payments/", "//api/v1/payments", "/api/v1//payments", "/api/v1/payments/../refunds",
            "/api/v1/payments/%2e%2e/refunds", "/api/v1/payments/" + "a".repeat(5_000), "/api/" + "b/".repeat(3_000),
            "/api/v1/payments?" + "q=1&".repeat(2_000), "/api/v1/payments;jsessionid=1", "/api/v1/payments%00",
            "/api/admin/", "/api/admin/refunds/", "/api/v2/refundStatus/extra"};
        Request request = new Request("GET", paths[kind % paths.length], targets.host());
        if (random.nextBoolean()) {
            request.credentials(targets.merchantHeaders());
        } else {
            request.header("Authorization", "Bearer " + targets.adminToken());
        }
        if (random.nextInt(3) == 0) {
            request.method = "POST";
            request.body("{}".getBytes(StandardCharsets.UTF_8), "application/json");
        }
        return request.build("path", request.method + " " + Envelope.abbreviate(request.target), null);
    }

    private static final int HEADER_KINDS = 14;

    private Case headerCase(Route route, int kind, Random random) {
        Request request = base(route, random);
        String what;
        switch (kind) {
            case 0 -> {
                request.header("Accept", "application/xml");
                what = "Accept: application/xml";
            }
            case 1 -> {
                request.header("Accept", "text/html;q=0.9, garbage/*");
                what = "odd Accept";
            }
            case 2 -> {
                request.header("X-Request-Id", "r".repeat(1_000));
                what = "1000-char X-Request-Id";
            }
            case 3 -> {
                request.rawHeader("X-Request-Id", new byte[] {'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF});
                what = "non-ASCII X-Request-Id";
            }
            case 4 -> {
                IntStream.range(0, 300).forEach(i -> request.header("X-Junk-" + i, "v" + i));
                what = "300 extra headers";
            }
            case 5 -> {
                request.header("X-Junk", "j".repeat(20_000));
                what = "20000-char header";
            }
            case 6 -> {
                request.header("X-Junk", "j".repeat(70_000));
                what = "70000-char header";
            }
            case 7 -> {
                request.header("Content-Type", "text/plain");
                what = "two Content-Type headers";
            }
            case 8 -> {
                request.header("Content-Encoding", "gzip");
                what = "Content-Encoding gzip on a plain body";
            }
            case 9 -> {
                request.header("Expect", "100-continue");
                what = "Expect: 100-continue";
            }
            case 10 -> {
                request.header("X-Request-Id", "../../etc/passwd");
                what = "path in X-Request-Id";
            }
            case 11 -> {
                request.header("Content-Encoding", "br, deflate, identity, x-junk");
                what = "unknown Content-Encoding";
            }
            case 12 -> {
                request.header("Accept-Charset", "utf-16");
                what = "Accept-Charset utf-16";
            }
            default -> {
                request.header("X-Forwarded-For", "127.0.0.1, ::1");
                request.header("X-Forwarded-Host", "evil.example");
                what = "forwarding headers";
            }
        }
        return request.build("headers", what, null);
    }

    private static final int FRAMING_KINDS = 22;

    private Case framingCase(int kind, Random random) {
        String host = "Host: " + targets.host() + "\r\n";
        String creds = "Client-Id: " + targets.merchantHeaders()[1] + "\r\nBusiness-Id: " + targets.merchantHeaders()[3]
                + "\r\nX-Api-Key: " + targets.merchantHeaders()[5] + "\r\n";
        String text = switch (kind) {
            case 0 -> "GET /api/v1/payments HTTP/1.1\r\n" + creds + "\r\n";
            case 1 -> "GET /api/v1/payments HTTP/1.0\r\n" + creds + "\r\n";
            case 2 -> "GET /api/v1/payments HTTP/2.0\r\n" + host + creds + "\r\n";
            case 3 -> "GET /api/v1/payments HTTP/9.9\r\n" + host + creds + "\r\n";
            case 4 -> "get /api/v1/payments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 5 -> "G\u0000T /api/v1/payments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 6 -> "GET /api/v1/pay ments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 7 -> "GET http://" + targets.host() + "/api/v1/payments HTTP/1.1\r\n" + host + creds + "\r\n";
            case 8 -> "OPTIONS * HTTP/1.1\r\n" + host + "\r\n";
            case 9 -> "CONNECT " + targets.host() + " HTTP/1.1\r\n" + host + "\r\n";
            case 10 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "Junk\r\n" + creds + "\r\n";
            case 11 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "X Junk: 1\r\n" + creds + "\r\n";
            case 12 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "X-Junk: a\r\n folded\r\n" + creds + "\r\n";
            case 13 -> "GET /api/v1/payments HTTP/1.1\n" + host.replace("\r", "") + creds.replace("\r", "") + "\n";
            case 14 -> "GET /api/v1/payments HTTP/1.1\r\n" + host + "X-Junk: a\u0000b\r\n" + creds + "\r\n";
            case 15 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
            case 16 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 17 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{}";
            case 18 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: -1\r\n\r\n{}";
            case 19 -> "POST /api/v1/payments HTTP/1.1\r\n" + host + creds + "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
            case 20 -> "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003";
            default -> "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\n" + host + "\r\n";
        };
        return new Case("framing", "framing " + kind + ": " + Envelope.abbreviate(text.replace("\r\n", "⏎")), "RAW",
                "/", text.getBytes(StandardCharsets.ISO_8859_1), true, null, null, false);
    }

    /** A valid payment at the largest amount of its currency: 15 integer digits and every minor-unit digit. */
    private Case largestPayment(String currency, String amount) {
        Route route = new Route("POST", "/api/v1/payments", List.of(), List.of(), true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("currency", currency);
        return withBody(route, new Random(currency.hashCode()), "boundary-valid",
                "largest " + currency + " payment " + amount, body);
    }

    // ----------------------------------------------------------------------------------------------- the pieces

    /** A valid request for the route: its method, ids that exist, the right credentials and a valid body. */
    private Request base(Route route, Random random) {
        Request request = new Request(route.method(), route.path(idsFor(route, random)), targets.host());
        if (route.audience() == Audience.ADMIN) {
            request.header("Authorization", "Bearer " + targets.adminToken());
        } else {
            request.credentials(targets.merchantHeaders());
        }
        if (route.queryParameters().contains("pay_id")) {
            request.queryPart = "pay_id=" + targets.payId(random);
        }
        Map<String, Object> body = bodyFor(route, random);
        if (body != null) {
            request.body(write(body).getBytes(StandardCharsets.UTF_8), "application/json");
        }
        request.target = request.target + request.query();
        return request;
    }

    private Case withBody(Route route, Random random, String family, String what, Map<String, Object> body) {
        return bytesCase(route, random, family, what, write(body).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    private Case bytesCase(Route route, Random random, String family, String what, byte[] body, String contentType) {
        Request request = base(route, random);
        request.body(body, contentType);
        return request.build(family, what, null);
    }

    private Map<String, String> idsFor(Route route, Random random) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String variable : route.pathVariables()) {
            ids.put(variable, targets.id(kindOf(variable), random));
        }
        return ids;
    }

    static String kindOf(String variable) {
        String name = variable.endsWith("Id") ? variable.substring(0, variable.length() - 2) : variable;
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private String otherKindId(String variable, Random random) {
        List<String> kinds = new ArrayList<>(List.of("payment", "refund", "dispute"));
        kinds.remove(kindOf(variable));
        return targets.id(pick(kinds, random), random);
    }

    private static String randomId(Random random) {
        String alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
        StringBuilder id = new StringBuilder(random.nextBoolean() ? "PAY_2026" : "REF_2026");
        for (int i = 0; i < 14; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private List<String> queryValues(String parameter, Random random) {
        return switch (parameter) {
            case "status" -> List.of("COMPLETED", "completed", "", "COMPLETED%20", "PENDING_REVIEW", "ALL", "%00",
                    "%C3%A9", "REFUNDED,COMPLETED");
            case "limit" -> List.of("", "0", "1", "20", "100", "101", "-1", "1e2", "001", "99999999999999999999",
                    "%D9%A1", "%2B1", "1.0", "%20");
            case "startingAfter" -> List.of(targets.id("payment", random), targets.id("refund", random), randomId(random),
                    "x".repeat(65), "", "%00", "..", "%2e%2e", "PAY_%20");
            case "pay_id" -> List.of("", "0", "-1", "1", Long.toString(targets.payId(random)),
                    targets.payId(random) + ".0", "9007199254740993", "9223372036854775807", "9223372036854775808",
                    "1e3", "%20" + targets.payId(random), "abc", "0x10");
            default -> List.of("", "x", "%00", "x".repeat(3_000));
        };
    }

    /** The body a valid request to the route carries, or null when the route reads none. */
    private Map<String, Object> bodyTemplate(Route route) {
        if (!route.method().equals("POST")) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        switch (route.template()) {
            case "/api/v1/payments" -> {
                body.put("amount", "100.00");
                body.put("currency", "BDT");
                body.put("type", "LINK");
                body.put("merchantRef", "fuzz");
                body.put("description", "fuzz");
            }
            case "/api/v1/payments/{paymentId}/refunds" -> {
                body.put("amount", "1.00");
                body.put("reason", "fuzz");
                body.put("merchantRef", "fuzz");
            }
            case "/api/v2/refundPayment" -> {
                body.put("pay_id", 0L);
                body.put("refund_amount", new Raw("1.00"));
                body.put("isFullRefund", false);
            }
            case "/api/admin/businesses" -> {
                body.put("name", "fuzz");
                body.put("reviewMode", "AUTO");
                body.put("refundMode", "MULTIPLE");
                body.put("reviewAbove", "10.00");
            }
            case "/api/admin/refunds/{refundId}/reject", "/api/admin/payments/{paymentId}/disputes" ->
                    body.put("reason", "fuzz");
            case "/api/admin/disputes/{disputeId}/close" -> body.put("outcome", "WON");
            case "/api/v1/webhook-endpoints" -> {
                body.put("url", "https://8.8.8.8/hook");
                body.put("events", List.of("refund.created"));
            }
            default -> {
                if (!route.takesBody()) {
                    return null;
                }
                body.put("reason", "fuzz");   // a route added later: the fields most bodies have
                body.put("amount", "1.00");
            }
        }
        return body;
    }

    private Map<String, Object> bodyFor(Route route, Random random) {
        Map<String, Object> body = bodyTemplate(route);
        if (body == null) {
            return new LinkedHashMap<>(Map.of("reason", "fuzz"));
        }
        if (body.containsKey("pay_id")) {
            body.put("pay_id", targets.payId(random));
        }
        return body;
    }

    private List<Object> valuesFor(String field) {
        List<Object> values = new ArrayList<>();
        switch (field) {
            case "amount", "reviewAbove" -> values.addAll(AMOUNTS);
            case "currency" -> values.addAll(CURRENCIES);
            case "type" -> values.addAll(List.of("LINK", "INVOICE", "link", " LINK", "LINK ", "", "SUBSCRIPTION",
                    "ＬＩＮＫ", "LINK\u0000"));
            case "reviewMode" -> values.addAll(List.of("AUTO", "MANUAL", "auto", "Auto", " AUTO", "AUTO ", "",
                    "AUTOMATIC", "MANUAL\u0000", "ＡＵＴＯ"));
            case "refundMode" -> values.addAll(List.of("MULTIPLE", "SINGLE", "single", "", "BOTH", "SINGLE "));
            case "outcome" -> values.addAll(List.of("WON", "LOST", "won", "OPEN", "DRAW", "", "LOST "));
            case "pay_id", "refund_amount" -> NUMBERS.forEach(number -> values.add(new Raw(number)));
            case "isFullRefund" -> values.addAll(Arrays.asList(true, false, "true", 1, 0, null, "yes"));
            case "url" -> values.addAll(URLS);
            case "events" -> values.addAll(Arrays.asList(List.of(), List.of("refund.created"),
                    List.of("REFUND.CREATED"), List.of("unknown"), List.of(1), Arrays.asList((Object) null),
                    java.util.Collections.nCopies(51, "refund.created"), List.of(List.of("refund.created")),
                    "refund.created", Map.of()));
            default -> values.addAll(TEXTS);
        }
        return values;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static byte[] padTo(String json, int size) {
        byte[] core = json.getBytes(StandardCharsets.UTF_8);
        if (core.length >= size) {
            return core;
        }
        byte[] padded = new byte[size];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(core, 0, padded, 0, core.length);
        return padded;
    }

    private static String insertAt(String text, int at, String what) {
        return text.substring(0, at) + what + text.substring(at);
    }

    private static String deleteAt(String text, int at) {
        return text.substring(0, at) + text.substring(at + 1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] replace(byte[] data, byte[] marker, byte[] with) {
        for (int i = 0; i <= data.length - marker.length; i++) {
            if (Arrays.equals(data, i, i + marker.length, marker, 0, marker.length)) {
                return concat(concat(Arrays.copyOf(data, i), with), Arrays.copyOfRange(data, i + marker.length,
                        data.length));
            }
        }
        return data;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X ", b));
        }
        return text.toString().strip();
    }

    static String show(Object value) {
        String text = value instanceof Raw raw ? raw.json() : value instanceof String s ? "\"" + s + "\""
                : write(value);
        StringBuilder visible = new StringBuilder();
        text.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) {
                visible.append(String.format("\\u%04x", cp));
            } else {
                visible.appendCodePoint(cp);
            }
        });
        return visible + (text.length() > 80 ? "…(" + text.length() + " chars)" : "");
    }

    /** JSON text of maps, lists, strings, numbers, booleans, null and {@link Raw} literals; lone surrogates kept. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || Character.isSurrogate(c) && !validPair(text, i)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);   // numbers and booleans
        }
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** An HTTP/1.1 request being put together; header values as bytes so that non-ASCII ones can be sent. */
    private static final class Request {
        String method;
        String target;
        String queryPart;
        final String host;
        final List<Object[]> headers = new ArrayList<>();
        byte[] body;

        Request(String method, String target, String host) {
            this.method = method;
            this.target = target;
            this.host = host;
        }

        String query() {
            return queryPart == null ? "" : "?" + queryPart;
        }

        Request header(String name, String value) {
            headers.add(new Object[] {name, value.getBytes(StandardCharsets.UTF_8)});
            return this;
        }

        Request rawHeader(String name, byte[] value) {
            headers.add(new Object[] {name, value});
            return this;
        }

        Request credentials(String[] pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                header(pairs[i], pairs[i + 1]);
            }
            return this;
        }

        Request body(byte[] bytes, String contentType) {
            headers.removeIf(h -> h[0].equals("Content-Type"));
            body = bytes;
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            return this;
        }

        Case build(String family, String what, String key) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] line = (method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            out.writeBytes(line);
            for (Object[] header : headers) {
                out.writeBytes(((String) header[0]).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(sanitized((byte[]) header[1]));
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (body != null) {
                out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.writeBytes(body);
            }
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            String scope = null;
            for (Object[] header : headers) {
                if (header[0].equals("Business-Id")) {
                    scope = new String((byte[]) header[1], StandardCharsets.UTF_8);
                }
            }
            if (path.startsWith("/api/admin/")) {
                scope = "admin";
            }
            return new Case(family, what, method, path, out.toByteArray(), false, key, scope, false);
        }

        /** CR and LF inside a value would start a new header line (a different case, made on purpose elsewhere). */
        private static byte[] sanitized(byte[] value) {
            byte[] copy = value.clone();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == '\r' || copy[i] == '\n') {
                    copy[i] = ' ';
                }
            }
            return copy;
        }
    }
}
