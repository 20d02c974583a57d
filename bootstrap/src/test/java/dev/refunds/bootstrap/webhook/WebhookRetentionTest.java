package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.application.webhook.PurgeWebhookHistoryUseCase;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention purge, with a retention of six seconds: delivered deliveries, their attempts and relayed events
 * older than that go; younger rows and everything not delivered (and the events those still need) stay.
 */
@OnH2AndMariaDb
class WebhookRetentionTest extends WebhookHarness {
    static final long RETENTION_MS = 6_000;
    static final int BATCH = 50;
    /** What one run removes at most of each kind (its batches are capped); a shared database may hold more. */
    static final int RUN_MAX = BATCH * 100;

    @Override
    Map<String, Object> settings() {
        Map<String, Object> settings = webhookSettings();
        settings.put("refunds.webhooks.retention", RETENTION_MS + "ms");
        settings.put("refunds.webhooks.purge-every", "1h");   // the test runs the purge itself
        settings.put("refunds.webhooks.purge-batch", BATCH);  // several batches
        return settings;
    }

    @Test
    void the_purge_removes_old_delivered_rows_and_keeps_younger_and_undelivered_ones() throws Exception {
        purgeAll();   // the shared MariaDB database's old rows first, so the purge measured below is short
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String okPath = newPath();
        String failingPath = newPath();
        receiver.answer(failingPath, call -> 500);
        String ok = endpoint(shop, okPath).path("id").asText();
        String failing = endpoint(shop, failingPath, "refund.created").path("id").asText();
        String paymentId = paidPayment(shop, "100.00");

        refund(shop, paymentId, "10.00");
        await("old deliveries done", () -> allIn(shop, ok, 3, "SUCCEEDED") && allIn(shop, failing, 1, "FAILED"));
        List<JsonNode> old = deliveries(shop, ok);
        String oldCreatedEvent = deliveries(shop, failing).get(0).path("eventId").asText();
        Thread.sleep(RETENTION_MS + 500);
        refund(shop, paymentId, "11.00");
        await("young deliveries done", () -> allIn(shop, ok, 6, "SUCCEEDED"));

        int[] purged = purgeAll();
        int deliveriesPurged = purged[0];
        int eventsPurged = purged[1];

        Set<String> oldIds = old.stream().map(d -> d.path("deliveryId").asText()).collect(Collectors.toSet());
        Set<String> oldEvents = old.stream().map(d -> d.path("eventId").asText()).collect(Collectors.toSet());
        List<JsonNode> left = deliveries(shop, ok);
        assertThat(left).hasSize(3).noneMatch(d -> oldIds.contains(d.path("deliveryId").asText()))
                .allSatisfy(d -> assertThat(d.path("attempts")).hasSize(1));
        assertThat(count("SELECT COUNT(*) FROM webhook_delivery_attempts WHERE delivery_id IN ("
                + quoted(oldIds) + ")")).isZero();
        assertThat(deliveries(shop, failing)).hasSizeGreaterThanOrEqualTo(1)
                .anySatisfy(d -> assertThat(d.path("eventId").asText()).isEqualTo(oldCreatedEvent))
                .allSatisfy(d -> assertThat(d.path("attempts").size()).isPositive());
        oldEvents.remove(oldCreatedEvent);   // still needed by the failed delivery
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE event_id IN (" + quoted(oldEvents) + ")"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE event_id = '" + oldCreatedEvent + "'"))
                .isEqualTo(1);
        Set<String> youngEvents = left.stream().map(d -> d.path("eventId").asText()).collect(Collectors.toSet());
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE event_id IN (" + quoted(youngEvents) + ")"))
                .isEqualTo(3);
        assertThat(deliveriesPurged).isGreaterThanOrEqualTo(3);
        assertThat(eventsPurged).isGreaterThanOrEqualTo(2);
    }

    /** Purge runs until one is not capped; returns the deliveries and events purged. */
    private int[] purgeAll() {
        PurgeWebhookHistoryUseCase purge = service.bean(PurgeWebhookHistoryUseCase.class);
        int runs = 0;
        int[] purged = new int[2];
        PurgeWebhookHistoryUseCase.Purged run;
        do {
            run = purge.purge();
            runs++;
            purged[0] += run.deliveries();
            purged[1] += run.events();
        } while (run.deliveries() == RUN_MAX || run.events() == RUN_MAX);
        System.out.printf("retention purge (%s): %d deliveries, %d events in %d run(s) of batches of %d%n",
                backend(), purged[0], purged[1], runs, BATCH);
        return purged;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String quoted(Set<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }
}
