package dev.refunds.application.fakes;

import dev.refunds.application.shared.IdGenerator;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.ClientId;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundId;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Deterministic ids in the documented formats: {@code PAY_yyyyMMdd_XXXXXXXXXX} (and {@code REF_}, {@code DSP_}),
 * the date being the UTC day of {@code now} and the suffix a counter in upper-case base 36; {@code HB_} and
 * {@code HM_} with 12 hex digits; {@code evt_} with 24; API keys of 64 hex digits (256 bits); positive
 * {@code payId}s from {@value #FIRST_PAY_ID}. Each kind has its own counter, starting at 1.
 */
public final class SequentialIdGenerator implements IdGenerator {
    public static final long FIRST_PAY_ID = 100_001;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private long payments;
    private long refunds;
    private long disputes;
    private long clients;
    private long businesses;
    private long events;
    private long apiKeys;
    private long nextPayId = FIRST_PAY_ID;

    @Override
    public PaymentId newPaymentId(Instant now) {
        return new PaymentId(dated("PAY", now, ++payments));
    }

    @Override
    public long newPayId() {
        return nextPayId++;
    }

    @Override
    public RefundId newRefundId(Instant now) {
        return new RefundId(dated("REF", now, ++refunds));
    }

    @Override
    public DisputeId newDisputeId(Instant now) {
        return new DisputeId(dated("DSP", now, ++disputes));
    }

    @Override
    public ClientId newClientId() {
        return new ClientId(String.format(Locale.ROOT, "HM_%012x", ++clients));
    }

    @Override
    public BusinessId newBusinessId() {
        return new BusinessId(String.format(Locale.ROOT, "HB_%012x", ++businesses));
    }

    @Override
    public String newEventId() {
        return String.format(Locale.ROOT, "evt_%024x", ++events);
    }

    @Override
    public String newApiKey() {
        return String.format(Locale.ROOT, "%064x", ++apiKeys);
    }

    private static String dated(String prefix, Instant now, long counter) {
        String suffix = Long.toString(counter, 36).toUpperCase(Locale.ROOT);
        return prefix + "_" + DAY.format(now) + "_" + "0".repeat(10 - suffix.length()) + suffix;
    }
}
