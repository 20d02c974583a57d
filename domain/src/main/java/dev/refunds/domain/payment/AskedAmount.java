package dev.refunds.domain.payment;

import dev.refunds.domain.money.Money;

import java.util.Currency;

/**
 * A refund amount as it was asked for, read in the payment's currency only when the rules come to the amount: its
 * form depends on the currency, and a payment that cannot take a refund at all is refused for that first. Reading
 * never throws; an amount that is not one is a refusal on the {@code amount} field like any other.
 */
@FunctionalInterface
public interface AskedAmount {

    /** The amount in {@code currency}, or {@link RefusalCode#INVALID_AMOUNT} saying what is wrong with it. */
    Decision<Money> in(Currency currency);

    /** An amount already in money; in another currency than the payment's it is refused, not converted. */
    static AskedAmount of(Money money) {
        return currency -> currency.equals(money.currency()) ? Decision.accepted(money)
                : invalid("amount is in " + money.currency().getCurrencyCode() + " but the payment is in "
                        + currency.getCurrencyCode());
    }

    /** The refusal of an amount that cannot be read; {@code reason} is shown to the client. */
    static <T> Decision<T> invalid(String reason) {
        return Decision.refused(Refusal.onField(RefusalCode.INVALID_AMOUNT, reason, "amount"));
    }
}
