package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two businesses, A ({@code mine}) and B ({@code theirs}), each with a paid payment, a refund and, while the webhook
 * feature is there, an endpoint with a delivery: the ids of each kind, and B's rows a request of A must not change.
 */
final class TwoTenants {
    final Merchant mine;
    final Merchant theirs;
    /** kind -> {A's id, B's id}; the webhook kinds only while the webhook feature is there. */
    final Map<String, String[]> ids = new LinkedHashMap<>();
    private final Api api;
    private final JdbcSettings database;

    TwoTenants(RunningService service, JdbcSettings database) throws IOException {
        this.api = service.api();
        this.database = database;
        this.mine = api.createBusiness("AUTO", "MULTIPLE", null);
        this.theirs = api.createBusiness("AUTO", "MULTIPLE", null);
        String deadTarget = "http://127.0.0.1:" + closedPort() + "/hook";
        boolean webhooks = Routes.of(service).stream().anyMatch(r -> r.template().startsWith("/api/v1/webhook"));
        String[] endpoints = new String[2];
        if (webhooks) {
            Merchant[] both = {mine, theirs};
            for (int i = 0; i < 2; i++) {
                ApiResponse created = api.post("/api/v1/webhook-endpoints", Api.json(Map.of("url", deadTarget)),
                        both[i].headers());
                assertThat(created.status()).as("webhook endpoint: %s", created).isEqualTo(201);
                endpoints[i] = created.text("id");
            }
            ids.put("endpoint", endpoints);
        }
        String[] payments = new String[2];
        String[] payIds = new String[2];
        String[] refunds = new String[2];
        Merchant[] both = {mine, theirs};
        for (int i = 0; i < 2; i++) {
            var payment = api.payment(both[i], "100.00", "BDT", "LINK", true);
            payments[i] = payment.path("paymentId").asText();
            payIds[i] = payment.path("payId").asText();
            ApiResponse refund = api.post("/api/v1/payments/" + payments[i] + "/refunds",
                    Api.json(Map.of("amount", "10.00", "reason", "tenancy")), both[i].headers());
            assertThat(refund.status()).as("refund: %s", refund).isEqualTo(202);
            refunds[i] = refund.text("refundId");
        }
        ids.put("payment", payments);
        ids.put("refund", refunds);
        ids.put("payid", payIds);
        if (webhooks) {
            String[] deliveries = new String[2];
            for (int i = 0; i < 2; i++) {
                deliveries[i] = awaitDelivery(both[i], endpoints[i]);
            }
            ids.put("delivery", deliveries);
        }
    }

    private String awaitDelivery(Merchant merchant, String endpointId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ApiResponse deliveries = api.get("/api/v1/webhook-endpoints/" + endpointId + "/deliveries",
                    merchant.headers());
            if (deliveries.status() == 200 && deliveries.data().path("items").size() > 0) {
                return deliveries.data().path("items").get(0).path("deliveryId").asText();
            }
            Reliability.pause(100);
        }
        throw new IllegalStateException("no webhook delivery appeared for endpoint " + endpointId);
    }

    /** B's rows a request of A could change (deliveries and attempts move on by themselves, so not those). */
    Map<String, String> rowsOf(Merchant merchant) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("payments", query("SELECT payment_id, status, refunded_minor, reserved_minor, counting_refunds,"
                + " dispute_status FROM payments WHERE business_id = ? ORDER BY seq", merchant.businessId()));
        rows.put("refunds", query("SELECT refund_id, status, amount_minor FROM refunds WHERE business_id = ?"
                + " ORDER BY seq", merchant.businessId()));
        rows.put("outbox_events", query("SELECT COUNT(*) FROM outbox_events WHERE business_id = ?",
                merchant.businessId()));
        if (ids.containsKey("endpoint")) {
            rows.put("webhook_endpoints", query("SELECT endpoint_id, url, deleted_at_ms FROM webhook_endpoints"
                    + " WHERE business_id = ? ORDER BY seq", merchant.businessId()));
        }
        return rows;
    }

    private String query(String sql, String parameter) {
        StringBuilder text = new StringBuilder();
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    for (int i = 1; i <= columns; i++) {
                        text.append(row.getString(i)).append(i < columns ? "|" : "; ");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return text.toString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
