package dev.refunds.domain.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount of one currency in integer minor units (cents for USD, fils for KWD). Never negative. */
public record Money(Currency currency, long minorUnits) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currencies.requireSupported(currency);
        if (minorUnits < 0) {
            throw new IllegalArgumentException("money is never negative, got " + minorUnits);
        }
    }

    public static Money zero(Currency currency) {
        return new Money(currency, 0);
    }

    public static Money of(String currencyCode, long minorUnits) {
        return new Money(Currencies.parse(currencyCode), minorUnits);
    }

    /**
     * Parses the v1 string form: digits, then a point and exactly the currency's minor-unit digits
     * ({@code "500.00"} for BDT, {@code "500"} for JPY). Signs, exponents, blanks, leading zeros and any other
     * number of fraction digits are refused.
     */
    public static Money parse(String text, Currency currency) {
        return AmountText.parse(text, currency);
    }

    /**
     * Reads an exact decimal such as a JSON number ({@code 49.99}): positive or zero, no more fraction digits
     * than the currency has once trailing zeros are dropped ({@code 20.0} is fine for USD, {@code 0.001} is not).
     */
    public static Money ofDecimal(BigDecimal value, Currency currency) {
        return AmountText.ofDecimal(value, currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public Money plus(Money other) {
        return new Money(currency, Math.addExact(minorUnits, unitsOf(other)));
    }

    /** Subtracts; a result below zero throws, because money is never negative. */
    public Money minus(Money other) {
        return new Money(currency, Math.subtractExact(minorUnits, unitsOf(other)));
    }

    public boolean isGreaterThan(Money other) {
        return minorUnits > unitsOf(other);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, unitsOf(other));
    }

    /** The amount at the currency's scale, e.g. {@code 500.00} for 50000 BDT minor units. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /** The v1 string form, always with the currency's minor-unit digits: {@code "500.00"}. */
    public String toPlainString() {
        return toDecimal().toPlainString();
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }

    private long unitsOf(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
        return other.minorUnits;
    }
}
