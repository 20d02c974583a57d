package dev.refunds.persistence;

import dev.refunds.application.report.RefundReports;
import dev.refunds.application.report.ReportWindow;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Refund;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Each page is its own short read: an export of a million rows never holds a transaction or a connection long. */
@DatabaseBoundary
@Singleton
class JdbcRefundReports implements RefundReports {
    private final ReportRows rows;
    private final TransactionOperations<Connection> transactions;

    JdbcRefundReports(ReportRows rows, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public List<Line> page(Optional<BusinessId> businessId, ReportWindow window, Optional<Cursor> after, int limit) {
        Cursor from = after.orElse(new Cursor(window.from(), ""));
        long atMs = Times.millis(from.createdAt());
        long toMs = Times.millis(window.to());
        return transactions.executeRead(status -> {
            List<RefundRow> page = businessId.isPresent()
                    ? rows.createdAfter(businessId.get().value(), atMs, from.refundId(), toMs, limit)
                    : rows.anyCreatedAfter(atMs, from.refundId(), toMs, limit);
            if (page.isEmpty()) {
                return List.of();
            }
            Map<String, Long> payIds = rows.payIds(page.stream().map(RefundRow::paymentId).distinct().toList())
                    .stream().collect(Collectors.toMap(ReportRows.PayIdRow::paymentId, ReportRows.PayIdRow::payId));
            return page.stream().map(row -> new Line(row.toDomain(), payIdOf(payIds, row))).toList();
        });
    }

    @Override
    public List<Refund> completedAfter(Cursor after, Instant until, int limit) {
        return transactions.executeRead(status -> rows.completedAfter(Times.millis(after.createdAt()),
                after.refundId(), Times.millis(until), limit)).stream().map(RefundRow::toDomain).toList();
    }

    @Override
    public List<StatusTotal> totals(Optional<BusinessId> businessId, ReportWindow window) {
        long fromMs = Times.millis(window.from());
        long toMs = Times.millis(window.to());
        List<ReportRows.TotalRow> totals = transactions.executeRead(status -> businessId.isPresent()
                ? rows.totals(businessId.get().value(), fromMs, toMs) : rows.anyTotals(fromMs, toMs));
        return totals.stream().map(row -> new StatusTotal(new BusinessId(row.businessId()), row.status(),
                Money.of(row.currency(), row.amountMinor()))).toList();
    }

    private static long payIdOf(Map<String, Long> payIds, RefundRow row) {
        Long payId = payIds.get(row.paymentId());
        if (payId == null) {
            throw new IllegalStateException("refund " + row.refundId() + " has no payment");
        }
        return payId;
    }
}
