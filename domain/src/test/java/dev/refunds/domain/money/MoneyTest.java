package dev.refunds.domain.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final Currency BDT = Currency.getInstance("BDT");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @ParameterizedTest(name = "\"{0}\" {1} is {2} minor units")
    @CsvSource({
            "500.00, BDT, 50000",
            "0.01, USD, 1",
            "0.00, USD, 0",
            "500, JPY, 500",
            "0, JPY, 0",
            "1.234, KWD, 1234",
            "1.234, BHD, 1234",
            "999999999999999.99, BDT, 99999999999999999",
            "999999999999999, JPY, 999999999999999"})
    void a_plain_amount_with_exactly_the_currency_digits_is_accepted(String text, String code, long minorUnits) {
        assertThat(Money.parse(text, Currency.getInstance(code))).isEqualTo(Money.of(code, minorUnits));
    }

    @ParameterizedTest(name = "\"{0}\" is refused for BDT")
    @NullAndEmptySource
    @ValueSource(strings = {"500", "500.0", "500.000", "-1.00", "+1.00", "1e2", "5E2", "1.00e0", " 1.00", "1.00 ",
            "1.00\n", "01.00", "00.00", "1,00", "1 000.00", "500.", ".50", ".", "0x1F.00", "١٢.٠٠", "１２.００",
            "1000000000000000.00", "NaN", "Infinity"})
    void anything_but_the_strict_v1_form_is_refused(String text) {
        assertThatThrownBy(() -> Money.parse(text, BDT))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("\"500.00\"").hasMessageContaining("BDT");
    }

    @ParameterizedTest(name = "\"{0}\" is refused for JPY")
    @ValueSource(strings = {"1.0", "500.00", "500.", "1000000000000000", "-1"})
    void a_currency_without_minor_units_takes_no_point_and_no_fraction(String text) {
        assertThatThrownBy(() -> Money.parse(text, JPY)).isInstanceOf(InvalidAmountException.class);
    }

    @ParameterizedTest(name = "\"{0}\" is refused for KWD")
    @ValueSource(strings = {"1.23", "1.2340", "1"})
    void a_three_digit_currency_takes_exactly_three_fraction_digits(String text) {
        assertThatThrownBy(() -> Money.parse(text, Currency.getInstance("KWD")))
                .isInstanceOf(InvalidAmountException.class);
    }

    @ParameterizedTest(name = "{0} {1} is {2} minor units")
    @CsvSource({
            "49.99, USD, 4999",
            "20.0, USD, 2000",
            "20, USD, 2000",
            "1E+2, USD, 10000",
            "0, USD, 0",
            "0.000, USD, 0",
            "-0.00, USD, 0",
            "500, JPY, 500",
            "500.000, JPY, 500",
            "1.2340, KWD, 1234",
            "999999999999999.99, USD, 99999999999999999"})
    void an_exact_decimal_becomes_minor_units_once_trailing_zeros_are_dropped(String decimal, String code,
                                                                               long minorUnits) {
        assertThat(Money.ofDecimal(new BigDecimal(decimal), Currency.getInstance(code)))
                .isEqualTo(Money.of(code, minorUnits));
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            "0.001, USD",
            "49.995, USD",
            "-1, USD",
            "-0.01, USD",
            "0.5, JPY",
            "1.2345, KWD",
            "1E+15, USD",
            "1000000000000000, JPY"})
    void a_decimal_that_is_negative_too_precise_or_too_large_is_refused(String decimal, String code) {
        assertThatThrownBy(() -> Money.ofDecimal(new BigDecimal(decimal), Currency.getInstance(code)))
                .isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void a_missing_decimal_is_refused() {
        assertThatThrownBy(() -> Money.ofDecimal(null, USD)).isInstanceOf(InvalidAmountException.class);
    }

    @ParameterizedTest(name = "{1} minor units of {0} read \"{2}\"")
    @CsvSource({
            "BDT, 50000, 500.00",
            "BDT, 0, 0.00",
            "USD, 1, 0.01",
            "JPY, 500, 500",
            "KWD, 1234, 1.234",
            "BHD, 5, 0.005"})
    void the_plain_string_always_keeps_the_currency_digits(String code, long minorUnits, String text) {
        Money money = Money.of(code, minorUnits);

        assertThat(money.toPlainString()).isEqualTo(text);
        assertThat(money.toString()).isEqualTo(text + " " + code);
        assertThat(money.toDecimal().scale()).isEqualTo(Currency.getInstance(code).getDefaultFractionDigits());
    }

    @Test
    void plus_and_minus_add_and_subtract_minor_units() {
        Money ten = Money.of("USD", 1000);
        Money three = Money.of("USD", 300);

        assertThat(ten.plus(three)).isEqualTo(Money.of("USD", 1300));
        assertThat(ten.minus(three)).isEqualTo(Money.of("USD", 700));
        assertThat(ten.minus(ten).isZero()).isTrue();
        assertThat(ten.isGreaterThan(three)).isTrue();
        assertThat(three.isGreaterThan(ten)).isFalse();
        assertThat(ten.isGreaterThan(ten)).isFalse();
        assertThat(ten.compareTo(three)).isPositive();
    }

    @Test
    void plus_beyond_the_largest_long_throws_instead_of_wrapping() {
        Money largest = new Money(USD, Long.MAX_VALUE);

        assertThatThrownBy(() -> largest.plus(Money.of("USD", 1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void minus_below_zero_throws_because_money_is_never_negative() {
        Money one = Money.of("USD", 100);

        assertThatThrownBy(() -> one.minus(Money.of("USD", 101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never negative");
    }

    @Test
    void arithmetic_and_comparison_across_currencies_throw() {
        Money dollars = Money.of("USD", 100);
        Money taka = Money.of("BDT", 100);

        assertThatThrownBy(() -> dollars.plus(taka)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
        assertThatThrownBy(() -> dollars.minus(taka)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dollars.isGreaterThan(taka)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dollars.compareTo(taka)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void money_is_never_negative_and_never_in_a_currency_without_minor_units() {
        assertThatThrownBy(() -> new Money(USD, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(Currency.getInstance("XXX"), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.zero(JPY).isZero()).isTrue();
    }

    @ParameterizedTest(name = "{0} has {1} minor-unit digits")
    @CsvSource({"BDT, 2", "USD, 2", "JPY, 0", "KWD, 3", "BHD, 3"})
    void an_iso_code_with_minor_units_is_a_currency(String code, int digits) {
        Currency currency = Currencies.parse(code);

        assertThat(currency.getCurrencyCode()).isEqualTo(code);
        assertThat(currency.getDefaultFractionDigits()).isEqualTo(digits);
    }

    @ParameterizedTest(name = "currency \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"usd", "Usd", "US", "USDD", " USD", "US1", "XXX", "XAU", "ZZZ"})
    void a_code_that_is_not_an_iso_currency_with_minor_units_is_refused(String code) {
        assertThatThrownBy(() -> Currencies.parse(code)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Money.of(code, 1)).isInstanceOf(InvalidAmountException.class);
    }
}
