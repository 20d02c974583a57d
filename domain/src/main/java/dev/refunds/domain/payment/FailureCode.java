package dev.refunds.domain.payment;

import java.util.Arrays;
import java.util.Optional;

/** Why a refund failed or was reversed, in a form a program can branch on; {@link #wireName()} is the API's. */
public enum FailureCode {
    DECLINED, CARD_CLOSED, INSUFFICIENT_FUNDS, PROCESSOR_UNAVAILABLE, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<FailureCode> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(code -> code.wireName().equals(wireName)).findFirst();
    }
}
