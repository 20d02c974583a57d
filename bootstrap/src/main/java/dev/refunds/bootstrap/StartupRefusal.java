package dev.refunds.bootstrap;

import java.util.Optional;

/**
 * A setting the service cannot start with. Start-up ends with its message as one log line and a non-zero exit code
 * ({@link Application}), not with Micronaut's stack trace of the bean that found it: the operator needs the setting,
 * its value and what it may be, not the call chain.
 */
final class StartupRefusal extends RuntimeException {
    static final int EXIT_CODE = 1;
    /** Micronaut's answer for "the caller handles this failure": no log, no exit, the exception is rethrown. */
    private static final int LEFT_TO_THE_CALLER = 0;
    private static final int CAUSE_DEPTH_MAX = 20;

    StartupRefusal(String message) {
        super(message, null, false, false);
    }

    /** The refusal somewhere in a start-up failure's causes, if it is one. */
    static Optional<StartupRefusal> in(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof StartupRefusal refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** The exit code Micronaut uses for a start-up failure: a refusal is left to {@link Application}. */
    static int micronautExitCode(Throwable failure) {
        return in(failure).isPresent() ? LEFT_TO_THE_CALLER : EXIT_CODE;
    }
}
