package dev.refunds.application.refund;

import dev.refunds.domain.money.InvalidAmountException;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.AskedAmount;
import dev.refunds.domain.payment.Decision;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An amount as a client sent it, read by the domain once the payment (and so its currency) is known: v1's strict
 * string form or v2's exact JSON number. Zero is refused here; a refund is always of something. A bad amount is
 * a refusal on the {@code amount} field, never an exception.
 */
public sealed interface RequestedAmount extends AskedAmount permits RequestedAmount.Text, RequestedAmount.Decimal,
        RequestedAmount.Invalid {

    Pattern PLAIN_NUMBER = Pattern.compile("(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?");

    static RequestedAmount text(String text) {
        return new Text(text);
    }

    static RequestedAmount decimal(BigDecimal value) {
        return new Decimal(value);
    }

    /**
     * A JSON number as written ({@code 49.99}): plain decimal notation only. An exponent ({@code 1e2}) is refused
     * rather than guessed at, like more fraction digits than the currency has.
     */
    static RequestedAmount jsonNumber(String literal) {
        if (!PLAIN_NUMBER.matcher(literal).matches()) {
            return new Invalid("amount must be a plain decimal number such as 49.99");
        }
        return new Decimal(new BigDecimal(literal));
    }

    record Text(String value) implements RequestedAmount {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Decision<Money> in(Currency currency) {
            return positive(() -> Money.parse(value, currency));
        }
    }

    record Decimal(BigDecimal value) implements RequestedAmount {
        public Decimal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Decision<Money> in(Currency currency) {
            return positive(() -> Money.ofDecimal(value, currency));
        }
    }

    /** An amount already known to be unusable; it says so when it is read, in its turn among the rules. */
    record Invalid(String reason) implements RequestedAmount {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Decision<Money> in(Currency currency) {
            return AskedAmount.invalid(reason);
        }
    }

    /** Money's readers throw on a bad amount (a payment's own amount too); here that becomes the refusal. */
    private static Decision<Money> positive(Supplier<Money> read) {
        Money money;
        try {
            money = read.get();
        } catch (InvalidAmountException notAnAmount) {
            return AskedAmount.invalid(notAnAmount.getMessage());
        }
        return money.isZero() ? AskedAmount.invalid("amount must be greater than zero") : Decision.accepted(money);
    }
}
