package dev.refunds.bootstrap.v1;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.RunningService;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;

/** Reading what reconciliation recorded, through the admin API, the log and the job's row. */
final class Reconciliations {
    static final String PATH = "/api/admin/reconciliation";

    private Reconciliations() {
    }

    /** Every discrepancy in a status ({@code null}: all), all pages. */
    static List<JsonNode> listed(Api api, String status) {
        List<JsonNode> all = new ArrayList<>();
        String first = PATH + "?limit=100" + (status == null ? "" : "&status=" + status);
        String page = first;
        for (int pages = 0; pages < 1_000; pages++) {
            ApiResponse listed = api.get(page, Api.admin());
            assertSuccess(listed, 200);
            JsonNode items = listed.data().path("items");
            items.forEach(all::add);
            if (!listed.data().path("hasMore").asBoolean() || items.isEmpty()) {
                return all;
            }
            page = first + "&startingAfter=" + items.get(items.size() - 1).path("discrepancyId").asText();
        }
        throw new AssertionError("the discrepancy list never ends");
    }

    /** The discrepancies about these refunds. */
    static List<JsonNode> about(Api api, List<String> refundIds) {
        return listed(api, null).stream().filter(item -> refundIds.contains(item.path("refundId").asText()))
                .toList();
    }

    /** Makes the next run compare again from {@code at}: the rerun a crash between two steps would cause. */
    static void rewindCheckpoint(RunningService service, Instant at) {
        try (Connection connection = service.database().connect();
             PreparedStatement rewind = connection.prepareStatement(
                     "UPDATE reconciliation_runs SET checkpoint_ms = ? WHERE job = 'processor'")) {
            rewind.setLong(1, at.toEpochMilli());
            rewind.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the WARN lines the reconciliation job logs while a test runs. */
    static ListAppender<ILoggingEvent> watchWarnings() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.refunds.bootstrap.LoggedReconciliation");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    static void stopWatching(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger("dev.refunds.bootstrap.LoggedReconciliation")).detachAppender(appender);
    }
}
