package dev.refunds.persistence;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.admin.AdminSearch;
import dev.refunds.application.admin.PaymentDetail;
import dev.refunds.application.admin.RefundSearch;
import dev.refunds.application.event.EventSubject;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcAdminSearch implements AdminSearch {
    /** The timeline shows a payment's latest events, at most this many. */
    static final int TIMELINE_EVENTS_MAX = 200;
    private static final String NO_FILTER = "";

    private final AdminSearchRows.Refunds refunds;
    private final AdminSearchRows.Payments payments;
    private final AdminSearchRows.Businesses businesses;
    private final AdminSearchRows.Disputes disputes;
    private final AdminSearchRows.Events events;

    JdbcAdminSearch(AdminSearchRows.Refunds refunds, AdminSearchRows.Payments payments,
                    AdminSearchRows.Businesses businesses, AdminSearchRows.Disputes disputes,
                    AdminSearchRows.Events events) {
        this.refunds = refunds;
        this.payments = payments;
        this.businesses = businesses;
        this.disputes = disputes;
        this.events = events;
    }

    @Override
    public Page<Refund> refunds(RefundSearch search, PageRequest page) {
        String status = search.status().map(Enum::name).orElse(NO_FILTER);
        String business = search.businessId().map(id -> id.value()).orElse(NO_FILTER);
        String payment = search.paymentId().map(PaymentId::value).orElse(NO_FILTER);
        String refund = search.refundId().map(id -> id.value()).orElse(NO_FILTER);
        String merchantRef = search.merchantRef().orElse(NO_FILTER);
        long from = search.createdFrom().map(Times::millis).orElse(Long.MIN_VALUE);
        long to = search.createdTo().map(Times::millis).orElse(Long.MAX_VALUE);
        int fetch = page.limit() + 1;
        List<RefundRow> rows = search.oldestFirst()
                ? refunds.oldestAfter(status, business, payment, refund, merchantRef, from, to,
                Pages.cursorSeq(page, refunds::findSeq, 0L), fetch)
                : refunds.newestBefore(status, business, payment, refund, merchantRef, from, to,
                Pages.cursorSeq(page, refunds::findSeq, Long.MAX_VALUE), fetch);
        return Pages.of(rows, page, RefundRow::toDomain);
    }

    @Override
    public Page<Business> businesses(PageRequest page) {
        long createdAt = Long.MAX_VALUE;
        String businessId = NO_FILTER;
        if (page.startingAfter().isPresent()) {
            BusinessRow cursor = businesses.find(page.startingAfter().get()).orElseThrow(() -> notInList(page));
            createdAt = cursor.createdAtMs();
            businessId = cursor.businessId();
        }
        return Pages.of(businesses.pageBefore(createdAt, businessId, page.limit() + 1), page, BusinessRow::toDomain);
    }

    @Override
    public Page<Dispute> disputes(Optional<DisputeStatus> status, PageRequest page) {
        long openedAt = Long.MAX_VALUE;
        String disputeId = NO_FILTER;
        if (page.startingAfter().isPresent()) {
            DisputeRow cursor = disputes.find(page.startingAfter().get()).orElseThrow(() -> notInList(page));
            openedAt = cursor.openedAtMs();
            disputeId = cursor.disputeId();
        }
        return Pages.of(disputes.pageBefore(status.map(Enum::name).orElse(NO_FILTER), openedAt, disputeId,
                page.limit() + 1), page, DisputeRow::toDomain);
    }

    @Override
    public Optional<PaymentDetail> payment(PaymentId paymentId) {
        return payments.findAny(paymentId.value()).map(row -> {
            List<PaymentDetail.TimelineEvent> timeline = new ArrayList<>();
            events.latestForPayment(paymentId.value(), TIMELINE_EVENTS_MAX).forEach(event -> timeline.add(
                    new PaymentDetail.TimelineEvent(event.eventId(), event.eventType(), refundIdOf(event),
                            Instant.ofEpochMilli(event.occurredAtMs()))));
            Collections.reverse(timeline);
            return new PaymentDetail(row.toDomain(),
                    refunds.forPayment(paymentId.value()).stream().map(RefundRow::toDomain).toList(),
                    disputes.forPayment(paymentId.value()).stream().map(DisputeRow::toDomain).toList(), timeline);
        });
    }

    private static InvalidInputException notInList(PageRequest page) {
        return new InvalidInputException("startingAfter",
                "startingAfter " + page.startingAfter().orElse("") + " is not an item of this list");
    }

    /** The timeline names the refund an event is about; other subjects' events name none. */
    private static String refundIdOf(OutboxEventRow event) {
        return EventSubject.REFUND.equals(event.subjectType()) ? event.subjectId() : null;
    }
}
