package dev.refunds.bootstrap.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Short or long: the short variant of every reliability test runs inside {@code ./mvnw verify}; the long one when
 * {@code REFUNDS_RELIABILITY_LONG=true} (or {@code -Drefunds.reliability.long=true}), which
 * {@code scripts/reliability.sh} sets. A long-capable test never skips: with the long mode off it runs its short
 * variant. Each test also writes its figures to {@code target/reliability/figures.txt}.
 */
final class Reliability {
    static final String LONG_PROPERTY = "refunds.reliability.long";
    static final String LONG_ENV = "REFUNDS_RELIABILITY_LONG";

    private Reliability() {
    }

    static boolean isLong() {
        String value = System.getProperty(LONG_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(LONG_ENV);
        }
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    /** {@code shortValue} in the short variant, {@code longValue} in the long one. */
    static int pick(int shortValue, int longValue) {
        return isLong() ? longValue : shortValue;
    }

    static String mode() {
        return isLong() ? "long" : "short";
    }

    /** Where the suite keeps service logs and the figures of the last run. */
    static Path workDir() {
        Path dir = Path.of(System.getProperty("user.dir"), "target", "reliability");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Prints one line of figures and keeps it in {@code target/reliability/figures.txt}. */
    static synchronized void figures(String test, String line) {
        String text = Instant.now() + " [" + mode() + "] " + test + ": " + line;
        System.out.println("RELIABILITY " + text);
        try {
            Files.writeString(workDir().resolve("figures.txt"), text + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
