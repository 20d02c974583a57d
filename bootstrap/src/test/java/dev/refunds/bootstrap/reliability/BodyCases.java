package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Case;
import dev.refunds.bootstrap.reliability.HostileRequests.Raw;
import dev.refunds.bootstrap.reliability.Routes.Route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.refunds.bootstrap.reliability.HostileRequests.pick;
import static dev.refunds.bootstrap.reliability.HostileValues.WRONG_TYPES;
import static dev.refunds.bootstrap.reliability.JsonText.show;
import static dev.refunds.bootstrap.reliability.JsonText.write;

/**
 * Hostile bodies: each field given each value that matters or a value of the wrong type, broken JSON syntax, deep
 * nesting, sizes at and past the 64 KiB limit, every kind of Content-Type, and the largest valid payment of each
 * currency.
 */
final class BodyCases {
    private final ValidRequests valid;

    BodyCases(ValidRequests valid) {
        this.valid = valid;
    }

    /** Routes whose body fields this generator knows (a route added later gets the fields most bodies have). */
    private static final java.util.Set<String> KNOWN_BODIES = java.util.Set.of("/api/v1/payments",
            "/api/v1/payments/{paymentId}/refunds", "/api/v2/refundPayment", "/api/admin/businesses",
            "/api/admin/refunds/{refundId}/reject", "/api/admin/payments/{paymentId}/disputes",
            "/api/admin/disputes/{disputeId}/close", "/api/v1/webhook-endpoints");

    Case fieldCase(Route route, String field, Object value, Random random) {
        Map<String, Object> body = valid.bodyFor(route, random);
        body.put(field, value);
        boolean wrongType = value instanceof Raw raw && WRONG_TYPES.contains(raw.json()) && !raw.json().equals("null")
                && !raw.json().equals("\"\"") && !field.equals("pay_id") && !field.equals("refund_amount")
                && !(field.equals("isFullRefund") && (raw.json().equals("true") || raw.json().equals("false")))
                && KNOWN_BODIES.contains(route.template());
        return valid.withBody(route, random, "field-value", field + " = " + show(value), body).rejectable(wrongType);
    }

    static final int SYNTAX_KINDS = 22;

    Case syntaxCase(Route route, int kind, Random random) {
        String json = write(valid.bodyFor(route, random));
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
        return valid.bytesCase(route, random, "json-syntax", "syntax " + kind + ": " + Envelope.abbreviate(text),
                text.getBytes(StandardCharsets.UTF_8), "application/json").rejectable(malformed);
    }

    Case nestingCase(Route route, int depth, int shape, Random random) {
        String text = switch (shape) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> {
                Map<String, Object> body = valid.bodyFor(route, random);
                String field = pick(new ArrayList<>(body.keySet()), random);
                body.put(field, new Raw("[".repeat(depth) + "]".repeat(depth)));
                yield write(body);
            }
        };
        return valid.bytesCase(route, random, "nesting", "depth " + depth + " shape " + shape,
                text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static final int SIZE_KINDS = 9;

    Case sizeCase(Route route, int kind, Random random) {
        Map<String, Object> body = valid.bodyFor(route, random);
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
        return valid.bytesCase(route, random, "size", what, bytes, "application/json");
    }

    static final List<String> CONTENT_TYPES = Arrays.asList(null, "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/json; charset=utf-16",
            "application/json; charset=iso-8859-1", "application/json; charset=bogus", "APPLICATION/JSON",
            "application/json;;", "application/*", "*/*", "application/json, text/plain", "application/vnd.api+json",
            "", "application/json; boundary=\"", "text/json");

    Case contentTypeCase(Route route, int kind, Random random) {
        String contentType = CONTENT_TYPES.get(kind);
        return valid.bytesCase(route, random, "content-type", "Content-Type " + contentType,
                write(valid.bodyFor(route, random)).getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A valid payment at the largest amount of its currency: 15 integer digits and every minor-unit digit. */
    Case largestPayment(String currency, String amount) {
        Route route = new Route("POST", "/api/v1/payments", List.of(), List.of(), true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("currency", currency);
        return valid.withBody(route, new Random(currency.hashCode()), "boundary-valid",
                "largest " + currency + " payment " + amount, body);
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
}
