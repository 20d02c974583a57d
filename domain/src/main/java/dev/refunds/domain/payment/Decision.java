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

    /**
     * The one way to take a decision apart: {@code onAccepted} with the value, or {@code onRefused} with the
     * refusal. Adapters turn a decision into their answer with it.
     */
    default <R> R fold(Function<? super T, ? extends R> onAccepted, Function<? super Refusal, ? extends R> onRefused) {
        if (this instanceof Accepted<T> accepted) {
            return onAccepted.apply(accepted.value());
        }
        return onRefused.apply(((Refused<T>) this).refusal());
    }

    /** The accepted value, or an {@link IllegalStateException} for a refusal (for tests and proven paths). */
    default T orElseThrow() {
        return fold(value -> value, refusal -> {
            throw new IllegalStateException("refused: " + refusal);
        });
    }

    /** The accepted value changed by {@code mapper}; a refusal stays as it is. */
    default <R> Decision<R> map(Function<? super T, ? extends R> mapper) {
        return fold(value -> accepted(mapper.apply(value)), Decision::refused);
    }
}
