package dev.refunds.domain.payment;

import java.util.Objects;
import java.util.function.Function;

/** The outcome of asking the domain for a change: the changed value, or a refusal that changed nothing. */
public sealed interface Decision<T> permits Decision.Accepted, Decision.Refused {

    record Accepted<T>(T value) implements Decision<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(Refusal refusal) implements Decision<T> {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    static <T> Decision<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Decision<T> refused(RefusalCode code, String message) {
        return new Refused<>(Refusal.of(code, message));
    }

    static <T> Decision<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The accepted value, or an {@link IllegalStateException} for a refusal (for tests and proven paths). */
    default T orElseThrow() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("refused: " + ((Refused<T>) this).refusal());
    }

    default <R> Decision<R> map(Function<T, R> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return new Accepted<>(mapper.apply(accepted.value()));
        }
        return new Refused<>(((Refused<T>) this).refusal());
    }
}
