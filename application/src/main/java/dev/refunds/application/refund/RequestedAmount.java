package dev.refunds.application.refund;

import dev.refunds.domain.money.InvalidAmountException;
import dev.refunds.domain.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount as a client sent it, read once the payment (and so its currency) is known: v1's strict string form
 * or v2's exact JSON number. Zero is refused here; a refund is always of something.
 */
public sealed interface RequestedAmount permits RequestedAmount.Text, RequestedAmount.Decimal {

    Money toMoney(Currency currency);

    static RequestedAmount text(String text) {
        return new Text(text);
    }

    static RequestedAmount decimal(BigDecimal value) {
        return new Decimal(value);
    }

    record Text(String value) implements RequestedAmount {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Money toMoney(Currency currency) {
            return positive(Money.parse(value, currency));
        }
    }

    record Decimal(BigDecimal value) implements RequestedAmount {
        public Decimal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Money toMoney(Currency currency) {
            return positive(Money.ofDecimal(value, currency));
        }
    }

    private static Money positive(Money money) {
        if (money.isZero()) {
            throw new InvalidAmountException("amount must be greater than zero");
        }
        return money;
    }
}
