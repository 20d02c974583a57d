package dev.refunds.rest.admin;

import dev.refunds.rest.JsonBody;
import dev.refunds.application.InvalidInputException;
import dev.refunds.application.business.CreateBusinessCommand;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.rest.Fields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code {name, reviewMode, refundMode, reviewAbove?}}; {@code reviewAbove} is a string such as "1000.00". */
@Serdeable
record CreateBusinessBody(@Nullable String name, @Nullable String reviewMode, @Nullable String refundMode,
                          @Nullable String reviewAbove) {
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]{1,3})?");

    static CreateBusinessBody from(JsonBody json) {
        return new CreateBusinessBody(json.string("name"), json.string("reviewMode"), json.string("refundMode"),
                json.string("reviewAbove"));
    }

    CreateBusinessCommand toCommand() {
        RefundPolicy policy = new RefundPolicy(Fields.enumValue(reviewMode, "reviewMode", ReviewMode.class),
                Fields.enumValue(refundMode, "refundMode", RefundMode.class), parsedReviewAbove());
        return new CreateBusinessCommand(Fields.required(name, "name", Business.NAME_LENGTH_MAX), policy);
    }

    private Optional<BigDecimal> parsedReviewAbove() {
        if (reviewAbove == null) {
            return Optional.empty();
        }
        if (!DECIMAL.matcher(reviewAbove).matches()) {
            throw new InvalidInputException("reviewAbove",
                    "reviewAbove must be an amount string such as \"1000.00\" (at most 3 decimals)");
        }
        return Optional.of(new BigDecimal(reviewAbove));
    }
}
