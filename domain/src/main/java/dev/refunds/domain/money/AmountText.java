package dev.refunds.domain.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Exact conversions between amount texts or decimals and minor units; never through floating point. */
final class AmountText {

    /** Longest integer part accepted: keeps every amount far inside a {@code long} of minor units. */
    static final int INTEGER_DIGITS_MAX = 15;
    private static final Pattern PLAIN = Pattern.compile("(0|[1-9][0-9]{0," + (INTEGER_DIGITS_MAX - 1) + "})(\\.[0-9]+)?");

    private AmountText() {
    }

    static Money parse(String text, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new InvalidAmountException(expected(currency));
        }
        int point = text.indexOf('.');
        int fractionDigits = point < 0 ? 0 : text.length() - point - 1;
        if (fractionDigits != digits) {
            throw new InvalidAmountException(expected(currency));
        }
        return new Money(currency, minorUnits(new BigDecimal(text), digits));
    }

    static Money ofDecimal(BigDecimal value, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (value == null || value.signum() < 0) {
            throw new InvalidAmountException("amount must be zero or positive");
        }
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new InvalidAmountException(currency.getCurrencyCode() + " amounts have at most " + digits
                    + " decimal places");
        }
        // long arithmetic: a scale near Integer.MIN_VALUE (1E+2147483647) must not wrap around
        if ((long) stripped.precision() - stripped.scale() > INTEGER_DIGITS_MAX) {
            throw new InvalidAmountException("amount is too large");
        }
        return new Money(currency, minorUnits(stripped, digits));
    }

    /** Exact minor units; an amount too large for a {@code long} (15 digits of CLF's 4 decimals) is refused. */
    private static long minorUnits(BigDecimal amount, int digits) {
        try {
            return amount.movePointRight(digits).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new InvalidAmountException("amount is too large");
        }
    }

    private static String expected(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        String example = digits == 0 ? "500" : "500." + "0".repeat(digits);
        return "amount must be a string like \"" + example + "\" with exactly " + digits + " decimal places for "
                + currency.getCurrencyCode();
    }
}
