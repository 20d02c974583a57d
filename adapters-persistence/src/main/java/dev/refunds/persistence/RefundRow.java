package dev.refunds.persistence;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Currencies;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Optional;

/** A row of {@code refunds}; its {@code seq} column is left to the database. */
@MappedEntity(value = "refunds", escape = false)
record RefundRow(@Id String refundId, String paymentId, String businessId, long amountMinor, String currency,
                 String status, String reason, @Nullable String merchantRef, @Nullable String rejectReason,
                 @Nullable String failureReason, long initiatedAtMs, long updatedAtMs,
                 @Nullable Long completedAtMs, @Nullable String processorReference,
                 @Nullable String acquirerReference, @Nullable String failureCode, @Nullable Long reversedAtMs,
                 @Nullable String metadata, @Nullable String reviewedBy) {

    static RefundRow of(Refund refund) {
        return new RefundRow(refund.id().value(), refund.paymentId().value(), refund.businessId().value(),
                refund.amount().minorUnits(), refund.amount().currency().getCurrencyCode(), refund.status().name(),
                refund.reason(), refund.merchantRef().orElse(null), refund.rejectReason().orElse(null),
                refund.failureReason().orElse(null), Times.millis(refund.initiatedAt()),
                Times.millis(refund.updatedAt()), refund.completedAt().map(Times::millis).orElse(null),
                refund.processorReference().orElse(null), refund.acquirerReference().orElse(null),
                refund.failureCode().map(FailureCode::wireName).orElse(null),
                refund.reversedAt().map(Times::millis).orElse(null), MetadataColumn.text(refund.metadata()),
                refund.reviewedBy().orElse(null));
    }

    Refund toDomain() {
        return new Refund(new RefundId(refundId), new PaymentId(paymentId), new BusinessId(businessId),
                new Money(Currencies.parse(currency), amountMinor), RefundStatus.valueOf(status), reason,
                Optional.ofNullable(merchantRef), Optional.ofNullable(rejectReason),
                Optional.ofNullable(failureReason), Times.instant(initiatedAtMs), Times.instant(updatedAtMs),
                Times.optionalInstant(completedAtMs), Optional.ofNullable(failureCode).map(RefundRow::failureCodeOf),
                Optional.ofNullable(processorReference), Optional.ofNullable(acquirerReference),
                Times.optionalInstant(reversedAtMs), MetadataColumn.metadata(metadata),
                Optional.ofNullable(reviewedBy));
    }

    private static FailureCode failureCodeOf(String wireName) {
        return FailureCode.fromWireName(wireName).orElseThrow(
                () -> new IllegalStateException("unknown failure code in the database: " + wireName));
    }
}
