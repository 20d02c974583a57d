package dev.refunds.application.report;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Refund;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only views over refunds created in a window, for exports and balances; every query is bounded. */
public interface RefundReports {

    /**
     * Up to {@code limit} refunds created in the window after {@code after} (from the window's start when empty),
     * in creation order; one business's or, when {@code businessId} is empty, every business's.
     */
    List<Line> page(Optional<BusinessId> businessId, ReportWindow window, Optional<Cursor> after, int limit);

    /** Sums of the amounts of the refunds created in the window, per business, currency and status. */
    List<StatusTotal> totals(Optional<BusinessId> businessId, ReportWindow window);

    /**
     * Up to {@code limit} refunds {@code COMPLETED} after {@code after} and before {@code until}, in the order of
     * their completion (the cursor's time is the completion time here), for reconciliation.
     */
    List<Refund> completedAfter(Cursor after, Instant until, int limit);

    /** A refund with the numeric id v2 clients know its payment by. */
    record Line(Refund refund, long payId) {
        public Cursor cursor() {
            return new Cursor(refund.initiatedAt(), refund.id().value());
        }
    }

    /** A position in creation order: the creation time, then the refund id among refunds of the same instant. */
    record Cursor(Instant createdAt, String refundId) {
    }

    /** {@code status} is the stored status name, so totals read every status the books hold. */
    record StatusTotal(BusinessId businessId, String status, Money amount) {
    }
}
