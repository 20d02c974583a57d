package dev.refunds.application.fakes;

import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Refusal;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a {@link Decision} in a test, failing with the decision itself when it is of the other kind. */
public final class Decisions {
    private Decisions() {
    }

    public static Refusal refusalOf(Decision<?> decision) {
        assertThat(decision).as("decision").isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused<?>) decision).refusal();
    }

    public static <T> T acceptedValueOf(Decision<T> decision) {
        assertThat(decision).as("decision").isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<T>) decision).value();
    }
}
