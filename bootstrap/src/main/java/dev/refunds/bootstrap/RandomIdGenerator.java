package dev.refunds.bootstrap;

import dev.refunds.application.operator.AdminIds;
import dev.refunds.application.shared.IdGenerator;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.ClientId;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundId;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ids such as {@code PAY_20260517_K8X3M2QZ7D}: the UTC date, then 10 Crockford base-32 characters (50 random
 * bits), so a clash is far rarer than the unique constraint that would still refuse it.
 */
@Singleton
final class RandomIdGenerator implements IdGenerator, AdminIds {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final int SUFFIX_LENGTH = 10;
    private static final long PAY_ID_MIN = 100_000_000_000L;
    /** Below 2^53, so a JSON number carries it exactly in every client. */
    private static final long PAY_ID_BOUND = 9_000_000_000_000_000L;
    private static final int API_KEY_BYTES = 32;
    private static final int ACCOUNT_ID_BYTES = 6;

    private final SecureRandom random = new SecureRandom();

    @Override
    public PaymentId newPaymentId(Instant now) {
        return new PaymentId(dated("PAY_", now));
    }

    @Override
    public long newPayId() {
        return random.nextLong(PAY_ID_MIN, PAY_ID_BOUND);
    }

    @Override
    public RefundId newRefundId(Instant now) {
        return new RefundId(dated("REF_", now));
    }

    @Override
    public DisputeId newDisputeId(Instant now) {
        return new DisputeId(dated("DSP_", now));
    }

    @Override
    public ClientId newClientId() {
        return new ClientId("HM_" + hex(ACCOUNT_ID_BYTES));
    }

    @Override
    public BusinessId newBusinessId() {
        return new BusinessId("HB_" + hex(ACCOUNT_ID_BYTES));
    }

    @Override
    public String newEventId() {
        return "evt_" + crockford(2 * SUFFIX_LENGTH);
    }

    @Override
    public String newApiKey() {
        byte[] bytes = new byte[API_KEY_BYTES];
        random.nextBytes(bytes);
        return "sk_live_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String newOperatorId() {
        return "OP_" + crockford(SUFFIX_LENGTH);
    }

    @Override
    public String newOperatorToken() {
        byte[] bytes = new byte[API_KEY_BYTES];
        random.nextBytes(bytes);
        return "op_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String newAuditId() {
        return "AUD_" + crockford(2 * SUFFIX_LENGTH);
    }

    private String dated(String prefix, Instant now) {
        return prefix + DAY.format(now) + "_" + crockford(SUFFIX_LENGTH);
    }

    /** One draw for the whole id: every draw takes the SecureRandom's lock, which 64 request threads queued on. */
    private String crockford(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = CROCKFORD[bytes[i] & (CROCKFORD.length - 1)];   // 32 letters: the low 5 bits, uniform
        }
        return new String(chars);
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
