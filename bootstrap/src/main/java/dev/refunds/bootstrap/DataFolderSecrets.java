package dev.refunds.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets given by configuration, or generated at first start and kept in the data folder. Several instances
 * sharing one database must share these too: give them {@code REFUNDS_ADMIN_TOKEN} and
 * {@code REFUNDS_API_KEY_SECRET}, or one data folder.
 */
@Singleton
final class DataFolderSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolderSecrets.class);
    private static final int SECRET_BYTES = 32;

    private final Path dataDir;
    private final SecureRandom random = new SecureRandom();

    DataFolderSecrets(@Value("${refunds.data-dir:./data}") String dataDir) {
        this.dataDir = Paths.get(dataDir);
    }

    /** The configured value, else the one in {@code fileName}, else a new one written there. */
    String secret(@Nullable String configured, String fileName, String description) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            return create(file, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + description + " in " + file, e);
        }
    }

    /** The data-folder file a secret comes from when it is not configured. */
    Optional<Path> generatedIn(@Nullable String configured, String fileName) {
        return configured != null && !configured.isBlank() ? Optional.empty() : Optional.of(dataDir.resolve(fileName));
    }

    private String create(Path file, String description) throws IOException {
        Files.createDirectories(dataDir);
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.writeString(Files.createFile(file), secret, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.debug("{} is on a file system without POSIX permissions", file);
        }
        LOG.info("Generated a new {} in {}", description, file.toAbsolutePath());
        return secret;
    }
}
