package dev.refunds.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The build's training run for the class-data sharing archive (README, "Start-up and memory"): with
 * {@code -Drefunds.cds-training=true} the service starts as usual, answers one {@code /health} (so the classes that
 * serve a request are loaded too), stops and exits; {@code -XX:ArchiveClassesAtExit} then writes every class it
 * loaded into the archive that later starts read instead of parsing and verifying the jar's classes again.
 */
final class ClassDataSharingTraining {
    static final String PROPERTY = "refunds.cds-training";

    private ClassDataSharingTraining() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void finish(ApplicationContext context) {
        try {
            int port = context.getBean(EmbeddedServer.class).getPort();
            HttpURLConnection health = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
                    .toURL().openConnection();
            int status = health.getResponseCode();
            health.disconnect();
            if (status != 200) {
                throw new IllegalStateException("the training run's /health answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the training run could not ask /health", e);
        } finally {
            context.stop();
        }
        System.exit(0);
    }
}
