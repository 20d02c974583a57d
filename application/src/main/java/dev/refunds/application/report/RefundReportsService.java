package dev.refunds.application.report;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.business.BusinessRepository;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

public final class RefundReportsService implements RefundReportsUseCase {
    /** Rows read per query while exporting: small enough for flat memory, large enough for few round trips. */
    public static final int EXPORT_PAGE_SIZE = 500;
    private static final Set<String> IN_FLIGHT = Set.of("PENDING_REVIEW", "INITIATED", "PROCESSING");

    private final RefundReports reports;
    private final BusinessRepository businesses;

    public RefundReportsService(RefundReports reports, BusinessRepository businesses) {
        this.reports = reports;
        this.businesses = businesses;
    }

    @Override
    public Iterator<RefundReports.Line> export(Optional<BusinessId> businessId, ReportWindow window) {
        requireKnown(businessId);
        return new PagedLines(businessId, window);
    }

    @Override
    public List<Balance> balances(Optional<BusinessId> businessId, ReportWindow window) {
        requireKnown(businessId);
        Map<String, Balance> byBusinessAndCurrency = new LinkedHashMap<>();
        for (RefundReports.StatusTotal total : reports.totals(businessId, window)) {
            Money amount = total.amount();
            String key = total.businessId().value() + " " + amount.currency().getCurrencyCode();
            Balance sum = byBusinessAndCurrency.computeIfAbsent(key, k -> empty(total.businessId(), amount));
            byBusinessAndCurrency.put(key, add(sum, total.status(), amount));
        }
        List<Balance> balances = new ArrayList<>(byBusinessAndCurrency.values());
        balances.sort(Comparator.comparing((Balance balance) -> balance.businessId().value())
                .thenComparing(balance -> balance.requested().currency().getCurrencyCode()));
        return balances;
    }

    private void requireKnown(Optional<BusinessId> businessId) {
        if (businessId.isPresent() && businesses.findById(businessId.get()).isEmpty()) {
            throw new InvalidInputException("businessId", "No business " + businessId.get().value());
        }
    }

    private static Balance empty(BusinessId businessId, Money like) {
        Money zero = Money.zero(like.currency());
        return new Balance(businessId, zero, zero, zero, zero, zero);
    }

    private static Balance add(Balance sum, String status, Money amount) {
        return new Balance(sum.businessId(), sum.requested().plus(amount),
                "COMPLETED".equals(status) ? sum.completed().plus(amount) : sum.completed(),
                "FAILED".equals(status) ? sum.failed().plus(amount) : sum.failed(),
                "REVERSED".equals(status) ? sum.reversed().plus(amount) : sum.reversed(),
                IN_FLIGHT.contains(status) ? sum.inFlight().plus(amount) : sum.inFlight());
    }

    /** Reads the next page only when the previous one is used up; holds one page at a time. */
    private final class PagedLines implements Iterator<RefundReports.Line> {
        private final Optional<BusinessId> businessId;
        private final ReportWindow window;
        private Iterator<RefundReports.Line> page = List.<RefundReports.Line>of().iterator();
        private Optional<RefundReports.Cursor> after = Optional.empty();
        private boolean lastPageRead;

        PagedLines(Optional<BusinessId> businessId, ReportWindow window) {
            this.businessId = businessId;
            this.window = window;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !lastPageRead) {
                List<RefundReports.Line> lines = reports.page(businessId, window, after, EXPORT_PAGE_SIZE);
                lastPageRead = lines.size() < EXPORT_PAGE_SIZE;
                if (!lines.isEmpty()) {
                    after = Optional.of(lines.get(lines.size() - 1).cursor());
                }
                page = lines.iterator();
            }
            return page.hasNext();
        }

        @Override
        public RefundReports.Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
