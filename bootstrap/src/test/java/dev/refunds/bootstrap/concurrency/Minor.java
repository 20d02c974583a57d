package dev.refunds.bootstrap.concurrency;

import java.math.BigDecimal;

/** BDT amounts as the tests count them (integer minor units) and as v1 writes them ({@code "12.34"}). */
final class Minor {
    private Minor() {
    }

    static String text(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    static long of(String text) {
        return new BigDecimal(text).setScale(2).unscaledValue().longValueExact();
    }
}
