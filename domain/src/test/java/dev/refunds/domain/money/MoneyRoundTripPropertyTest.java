package dev.refunds.domain.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyRoundTripPropertyTest {

    /**
     * The largest text has 15 integer digits ({@code AmountText.INTEGER_DIGITS_MAX}); for JPY that is
     * 10^15 − 1 minor units, so the range stops there for every currency.
     */
    private static final long MINOR_UNITS_MAX = 999_999_999_999_999L;

    @Property(tries = 1_000)
    void the_plain_string_and_the_decimal_read_back_as_the_same_money(
            @ForAll("currencies") Currency currency,
            @ForAll @LongRange(min = 0, max = MINOR_UNITS_MAX) long minorUnits) {
        Money money = new Money(currency, minorUnits);

        assertThat(Money.parse(money.toPlainString(), currency)).isEqualTo(money);
        assertThat(Money.ofDecimal(money.toDecimal(), currency)).isEqualTo(money);
    }

    @Property(tries = 1_000)
    void one_fraction_digit_too_many_or_too_few_is_refused(
            @ForAll("currencies") Currency currency,
            @ForAll @LongRange(min = 0, max = MINOR_UNITS_MAX) long minorUnits,
            @ForAll @IntRange(min = 0, max = 9) int extraDigit) {
        String text = new Money(currency, minorUnits).toPlainString();
        // A currency without minor units turns an appended digit into a bigger valid amount: append a fraction.
        String longer = currency.getDefaultFractionDigits() == 0 ? text + "." + extraDigit : text + extraDigit;

        assertThatThrownBy(() -> Money.parse(longer, currency)).isInstanceOf(InvalidAmountException.class);
        if (currency.getDefaultFractionDigits() > 0) {
            String shorter = text.substring(0, text.length() - 1);
            String integerOnly = text.substring(0, text.indexOf('.'));
            assertThatThrownBy(() -> Money.parse(shorter, currency)).isInstanceOf(InvalidAmountException.class);
            assertThatThrownBy(() -> Money.parse(integerOnly, currency))
                    .isInstanceOf(InvalidAmountException.class);
        } else {
            assertThatThrownBy(() -> Money.parse(text + ".", currency)).isInstanceOf(InvalidAmountException.class);
        }
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("BDT", "USD", "EUR", "GBP", "INR", "JPY", "KWD", "BHD").map(Currency::getInstance);
    }
}
