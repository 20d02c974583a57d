package dev.refunds.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The dedicated businesses and the ids the fuzzer aims at: a review-everything business (so refunds wait in
 * review for the admin routes) with paid payments in every currency, an unpaid, a cancelled and an invoice
 * payment, refunds, a dispute and a webhook endpoint; and a second business whose credentials are mixed in.
 * Refreshed as the fuzzer uses things up.
 */
final class FuzzedBusinesses implements HostileRequests.Targets {
    private final Api api;
    private final int port;
    private final Merchant merchant;
    private final Merchant other;
    private final List<String> payments = new ArrayList<>();
    private final List<Long> payIds = new ArrayList<>();
    private final List<String> refunds = new ArrayList<>();
    private final List<String> disputes = new ArrayList<>();
    private final List<String> endpoints = new ArrayList<>();
    private int refreshes;

    FuzzedBusinesses(Api api, int port) {
        this.api = api;
        this.port = port;
        this.merchant = api.createBusiness("MANUAL", "MULTIPLE", null);
        this.other = api.createBusiness("AUTO", "SINGLE", null);
        for (String[] money : new String[][] {{"1000.00", "BDT"}, {"250.00", "USD"}, {"5000", "JPY"},
            {"12.345", "KWD"}, {"3.0000", "CLF"}}) {
            JsonNode payment = api.payment(merchant, money[0], money[1], "LINK", true);
            payments.add(payment.path("paymentId").asText());
            payIds.add(payment.path("payId").asLong());
        }
        payments.add(api.payment(merchant, "10.00", "BDT", "LINK", false).path("paymentId").asText());
        JsonNode cancelled = api.payment(merchant, "10.00", "BDT", "LINK", false);
        api.post("/api/v1/payments/" + cancelled.path("paymentId").asText() + "/cancel", null, merchant.headers());
        payments.add(cancelled.path("paymentId").asText());
        payIds.add(cancelled.path("payId").asLong());
        JsonNode invoice = api.payment(merchant, "10.00", "BDT", "INVOICE", true);
        payments.add(invoice.path("paymentId").asText());
        payIds.add(invoice.path("payId").asLong());
        ApiResponse endpoint = api.post("/api/v1/webhook-endpoints", Api.json(Map.of("url",
                "https://8.8.8.8/reliability-hook")), merchant.headers());
        if (endpoint.status() == 201) {
            endpoints.add(endpoint.text("id"));
        }
        refresh();
    }

    /** A fresh paid payment with a refund waiting for review, and now and then an open dispute. */
    void refresh() {
        refreshes++;
        JsonNode payment = api.payment(merchant, "500.00", "BDT", "LINK", true);
        String paymentId = payment.path("paymentId").asText();
        payments.add(paymentId);
        payIds.add(payment.path("payId").asLong());
        ApiResponse refund = api.post("/api/v1/payments/" + paymentId + "/refunds",
                Api.json(Map.of("amount", "10.00", "reason", "fixture")), merchant.headers());
        if (refund.status() == 202) {
            refunds.add(refund.text("refundId"));
        }
        if (refreshes % 3 == 1) {
            JsonNode disputed = api.payment(merchant, "50.00", "BDT", "LINK", true);
            ApiResponse dispute = api.post("/api/admin/payments/" + disputed.path("paymentId").asText()
                    + "/disputes", Api.json(Map.of("reason", "fixture")), Api.admin());
            payments.add(disputed.path("paymentId").asText());
            if (dispute.status() == 201) {
                disputes.add(dispute.text("disputeId"));
            }
        }
    }

    List<String> businessIds() {
        return List.of(merchant.businessId(), other.businessId());
    }

    @Override
    public String[] merchantHeaders() {
        return merchant.headers();
    }

    @Override
    public String[] otherMerchantHeaders() {
        return other.headers();
    }

    @Override
    public String adminToken() {
        return RunningService.ADMIN_TOKEN;
    }

    @Override
    public String merchantScope() {
        return merchant.businessId();
    }

    @Override
    public String id(String kind, Random random) {
        List<String> pool = switch (kind) {
            case "payment" -> payments;
            case "refund" -> refunds;
            case "dispute" -> disputes;
            case "endpoint" -> endpoints;
            default -> List.of();
        };
        if (pool.isEmpty()) {
            return "ID_20260101_" + Integer.toString(random.nextInt(1 << 30), 32).toUpperCase(java.util.Locale.ROOT);
        }
        // mostly the newest (still usable), sometimes any of them
        int index = random.nextInt(3) == 0 ? random.nextInt(pool.size())
                : pool.size() - 1 - random.nextInt(Math.min(pool.size(), 4));
        return pool.get(index);
    }

    @Override
    public long payId(Random random) {
        int index = random.nextInt(3) == 0 ? random.nextInt(payIds.size())
                : payIds.size() - 1 - random.nextInt(Math.min(payIds.size(), 4));
        return payIds.get(index);
    }

    @Override
    public String host() {
        return "127.0.0.1:" + port;
    }
}
