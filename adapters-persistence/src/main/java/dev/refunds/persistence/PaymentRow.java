package dev.refunds.persistence;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Currencies;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.PaymentType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Currency;
import java.util.Optional;

/** A row of {@code payments}; its {@code seq} column is left to the database. */
@MappedEntity(value = "payments", escape = false)
record PaymentRow(@Id String paymentId, long payId, String businessId, long amountMinor, String currency,
                  String paymentType, String status, long refundedMinor, long reservedMinor, int countingRefunds,
                  @Nullable String disputeStatus, @Nullable String merchantRef, @Nullable String description,
                  long createdAtMs, @Nullable Long completedAtMs, @Nullable String metadata) {

    static PaymentRow of(Payment payment) {
        return new PaymentRow(payment.id().value(), payment.payId(), payment.businessId().value(),
                payment.amount().minorUnits(), payment.amount().currency().getCurrencyCode(), payment.type().name(),
                payment.status().name(), payment.refunded().minorUnits(), payment.reserved().minorUnits(),
                payment.countingRefunds(), payment.dispute().map(Enum::name).orElse(null),
                payment.merchantRef().orElse(null), payment.description().orElse(null),
                payment.createdAt().toEpochMilli(), payment.completedAt().map(Times::millis).orElse(null),
                MetadataColumn.text(payment.metadata()));
    }

    /** The domain payment; its constructor re-checks the refund ceiling on every row read back. */
    Payment toDomain() {
        Currency money = Currencies.parse(currency);
        return new Payment(new PaymentId(paymentId), payId, new BusinessId(businessId), new Money(money, amountMinor),
                PaymentType.valueOf(paymentType), PaymentStatus.valueOf(status), new Money(money, refundedMinor),
                new Money(money, reservedMinor), countingRefunds,
                Optional.ofNullable(disputeStatus).map(DisputeStatus::valueOf), Optional.ofNullable(merchantRef),
                Optional.ofNullable(description), MetadataColumn.metadata(metadata), Times.instant(createdAtMs),
                Times.optionalInstant(completedAtMs));
    }
}
