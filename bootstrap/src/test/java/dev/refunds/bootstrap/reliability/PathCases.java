package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Case;
import dev.refunds.bootstrap.reliability.Routes.Route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.refunds.bootstrap.reliability.HostileRequests.kindOf;
import static dev.refunds.bootstrap.reliability.HostileRequests.pick;
import static dev.refunds.bootstrap.reliability.JsonText.show;

/**
 * Hostile request lines: each id shape and another kind's id in each path variable, odd query values, every other
 * method on each route, and paths the router does not know.
 */
final class PathCases {
    private final ValidRequests valid;

    PathCases(ValidRequests valid) {
        this.valid = valid;
    }

    Case idCase(Route route, String variable, String shape, Random random) {
        RawRequest request = valid.base(route, random);
        Map<String, String> ids = valid.idsFor(route, random);
        ids.put(variable, shape);
        request.target = route.path(ids) + request.query();
        return request.build("path-id", "{" + variable + "} = " + show(shape), null);
    }

    Case queryCase(Route route, String parameter, String value, Random random) {
        RawRequest request = valid.base(route, random);
        request.target = route.path(valid.idsFor(route, random)) + "?" + parameter + "=" + value
                + (random.nextInt(4) == 0 ? "&" + parameter + "=" + value + "x" : "");
        return request.build("query", parameter + "=" + show(value), null);
    }

    Case methodCase(Route route, String method, Random random) {
        RawRequest request = valid.base(route, random);
        request.method = method;
        return request.build("method", method + " on " + route.template(), null);
    }

    static final int PATH_KINDS = 20;

    Case pathCase(int kind, Random random) {
        String[] paths = {"/", "/api", "/api/", "/api/v1", "/api/v1/", "/api/v3/payments", "/API/V1/PAYMENTS",
            "/api/v1/payments/", "//api/v1/payments", "/api/v1//payments", "/api/v1/payments/../refunds",
            "/api/v1/payments/%2e%2e/refunds", "/api/v1/payments/" + "a".repeat(5_000), "/api/" + "b/".repeat(3_000),
            "/api/v1/payments?" + "q=1&".repeat(2_000), "/api/v1/payments;jsessionid=1", "/api/v1/payments%00",
            "/api/admin/", "/api/admin/refunds/", "/api/v2/refundStatus/extra"};
        RawRequest request = new RawRequest("GET", paths[kind % paths.length], valid.targets.host());
        if (random.nextBoolean()) {
            request.credentials(valid.targets.merchantHeaders());
        } else {
            request.header("Authorization", "Bearer " + valid.targets.adminToken());
        }
        if (random.nextInt(3) == 0) {
            request.method = "POST";
            request.body("{}".getBytes(StandardCharsets.UTF_8), "application/json");
        }
        return request.build("path", request.method + " " + Envelope.abbreviate(request.target), null);
    }

    String otherKindId(String variable, Random random) {
        List<String> kinds = new ArrayList<>(List.of("payment", "refund", "dispute"));
        kinds.remove(kindOf(variable));
        return valid.targets.id(pick(kinds, random), random);
    }

    static String randomId(Random random) {
        String alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
        StringBuilder id = new StringBuilder(random.nextBoolean() ? "PAY_2026" : "REF_2026");
        for (int i = 0; i < 14; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    List<String> queryValues(String parameter, Random random) {
        return switch (parameter) {
            case "status" -> List.of("COMPLETED", "completed", "", "COMPLETED%20", "PENDING_REVIEW", "ALL", "%00",
                    "%C3%A9", "REFUNDED,COMPLETED");
            case "limit" -> List.of("", "0", "1", "20", "100", "101", "-1", "1e2", "001", "99999999999999999999",
                    "%D9%A1", "%2B1", "1.0", "%20");
            case "startingAfter" -> List.of(valid.targets.id("payment", random), valid.targets.id("refund", random), randomId(random),
                    "x".repeat(65), "", "%00", "..", "%2e%2e", "PAY_%20");
            case "pay_id" -> List.of("", "0", "-1", "1", Long.toString(valid.targets.payId(random)),
                    valid.targets.payId(random) + ".0", "9007199254740993", "9223372036854775807", "9223372036854775808",
                    "1e3", "%20" + valid.targets.payId(random), "abc", "0x10");
            default -> List.of("", "x", "%00", "x".repeat(3_000));
        };
    }
}
