package dev.refunds.rest.v1;

import dev.refunds.rest.JsonBody;
import dev.refunds.application.InvalidInputException;
import dev.refunds.application.payment.CreatePaymentCommand;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Currencies;
import dev.refunds.domain.money.InvalidAmountException;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentType;
import dev.refunds.rest.Fields;
import dev.refunds.rest.MetadataField;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Currency;
import java.util.SortedMap;

/** {@code POST /api/v1/payments}: {@code {amount, currency, type?, merchantRef?, description?, metadata?}}. */
@Serdeable
record CreatePaymentBody(@Nullable String amount, @Nullable String currency, @Nullable String type,
                         @Nullable String merchantRef, @Nullable String description,
                         @Nullable SortedMap<String, String> metadata) {

    static CreatePaymentBody from(JsonBody json) {
        return new CreatePaymentBody(json.string("amount"), json.string("currency"), json.string("type"),
                json.string("merchantRef"), json.string("description"), json.stringMap("metadata"));
    }

    CreatePaymentCommand toCommand(BusinessId businessId) {
        Currency parsedCurrency = parsedCurrency();
        Money parsedAmount;
        try {
            parsedAmount = Money.parse(Fields.required(amount, "amount", 32), parsedCurrency);
        } catch (InvalidAmountException invalid) {
            throw new InvalidInputException("amount", invalid.getMessage());
        }
        if (parsedAmount.isZero()) {
            throw new InvalidInputException("amount", "amount must be greater than zero");
        }
        PaymentType parsedType = type == null ? PaymentType.LINK : Fields.enumValue(type, "type", PaymentType.class);
        return new CreatePaymentCommand(businessId, parsedAmount, parsedType,
                Fields.optional(merchantRef, "merchantRef", Payment.MERCHANT_REF_LENGTH_MAX),
                Fields.optional(description, "description", Payment.DESCRIPTION_LENGTH_MAX),
                MetadataField.of(metadata));
    }

    private Currency parsedCurrency() {
        try {
            return Currencies.parse(Fields.required(currency, "currency", 3));
        } catch (InvalidAmountException invalid) {
            throw new InvalidInputException("currency", invalid.getMessage());
        }
    }
}
