package dev.refunds.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scratch folders of the suites (H2 files, service data folders, browser profiles) under {@code target/}, so
 * {@code ./mvnw clean} removes them; in the system temp folder they piled up run after run.
 */
public final class TestFolders {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"), "target", "test-folders");

    private TestFolders() {
    }

    public static Path create(String prefix) {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
