package dev.refunds.bootstrap.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * At the end of a run, how many answers {@link OpenApiContract} checked against /openapi.yml: printed, and written to
 * {@code target/openapi-contract.txt} (surefire keeps the test JVM's output in its reports).
 */
public final class OpenApiContractSummary implements TestExecutionListener {
    static final Path FIGURE = Path.of("target", "openapi-contract.txt");

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (OpenApiContract.validated() == 0 && OpenApiContract.outsideTheDocument() == 0) {
            return;
        }
        String figure = "OpenAPI contract: " + OpenApiContract.validated()
                + " answers validated against /openapi.yml (status, headers, body); "
                + OpenApiContract.outsideTheDocument() + " answers to requests outside the document\n";
        System.out.print(figure);
        try {
            Files.createDirectories(FIGURE.getParent());
            Files.writeString(FIGURE, figure, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
