package dev.refunds.domain.money;

import java.util.Currency;
import java.util.regex.Pattern;

/** ISO 4217 currencies that have a fixed number of minor-unit digits (BDT/USD 2, JPY 0, KWD/BHD 3). */
public final class Currencies {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Currencies() {
    }

    /** Reads an ISO 4217 code such as {@code "BDT"}; throws {@link InvalidAmountException} for anything else. */
    public static Currency parse(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidAmountException("currency must be an ISO 4217 code such as BDT or USD");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidAmountException("unknown currency " + code);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidAmountException("currency " + code + " has no minor unit and is not supported");
        }
        return currency;
    }

    static void requireSupported(Currency currency) {
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency + " has no minor unit");
        }
    }
}
