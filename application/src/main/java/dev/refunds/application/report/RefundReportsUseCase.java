package dev.refunds.application.report;

import dev.refunds.domain.business.BusinessId;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Refund exports and balances of a window, for one business or (admins) all of them. */
public interface RefundReportsUseCase {

    /**
     * The refunds created in the window, in creation order, read from the books page by page as the caller
     * iterates, so memory does not grow with the number of rows. An unknown business is bad input, found before
     * the first row.
     */
    Iterator<RefundReports.Line> export(Optional<BusinessId> businessId, ReportWindow window);

    /** Per business and currency, ordered by business then currency. */
    List<Balance> balances(Optional<BusinessId> businessId, ReportWindow window);
}
