package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.reliability.HostileRequests.Case;
import dev.refunds.bootstrap.reliability.HostileRequests.Raw;
import dev.refunds.bootstrap.reliability.HostileRequests.Targets;
import dev.refunds.bootstrap.reliability.Routes.Audience;
import dev.refunds.bootstrap.reliability.Routes.Route;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.refunds.bootstrap.reliability.HostileRequests.kindOf;
import static dev.refunds.bootstrap.reliability.JsonText.write;

/**
 * A valid request for each route (its method, ids that exist, the right credentials and a valid body): every family
 * of hostile cases starts from one and spoils one part of it.
 */
final class ValidRequests {
    final Targets targets;

    ValidRequests(Targets targets) {
        this.targets = targets;
    }

    /** A valid request for the route: its method, ids that exist, the right credentials and a valid body. */
    RawRequest base(Route route, Random random) {
        RawRequest request = new RawRequest(route.method(), route.path(idsFor(route, random)), targets.host());
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

    Case withBody(Route route, Random random, String family, String what, Map<String, Object> body) {
        return bytesCase(route, random, family, what, write(body).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    Case bytesCase(Route route, Random random, String family, String what, byte[] body, String contentType) {
        RawRequest request = base(route, random);
        request.body(body, contentType);
        return request.build(family, what, null);
    }

    Map<String, String> idsFor(Route route, Random random) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String variable : route.pathVariables()) {
            ids.put(variable, targets.id(kindOf(variable), random));
        }
        return ids;
    }

    /** The body a valid request to the route carries, or null when the route reads none. */
    Map<String, Object> bodyTemplate(Route route) {
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

    Map<String, Object> bodyFor(Route route, Random random) {
        Map<String, Object> body = bodyTemplate(route);
        if (body == null) {
            return new LinkedHashMap<>(Map.of("reason", "fuzz"));
        }
        if (body.containsKey("pay_id")) {
            body.put("pay_id", targets.payId(random));
        }
        return body;
    }
}
