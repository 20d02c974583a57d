package dev.refunds.rest;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The operator console at {@code /console}: static files from the jar (no CDN, works offline). The page holds no
 * data; it calls the admin API with the token the operator types in, kept in the tab's sessionStorage only.
 */
@Hidden
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConsoleController {
    /** No inline script or style, nothing from elsewhere, no framing, no form posts, no referrer. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> FILES = Map.of(
            "console.js", "text/javascript; charset=utf-8",
            "pages.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    private final ResourceResolver resources;

    ConsoleController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get
    HttpResponse<?> page() {
        return file("index.html", MediaType.TEXT_HTML + "; charset=utf-8");
    }

    @Get("/{name}")
    HttpResponse<?> asset(@PathVariable String name) {
        String type = FILES.get(name);
        return type == null ? HttpResponse.notFound() : file(name, type);
    }

    private MutableHttpResponse<byte[]> file(String name, String type) {
        String location = "classpath:console/" + name;
        Optional<InputStream> stream = resources.getResourceAsStream(location);
        if (stream.isEmpty()) {
            throw new IllegalStateException(location + " is missing from the build");
        }
        try (InputStream in = stream.get()) {
            return HttpResponse.ok(in.readAllBytes()).contentType(type)
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY")
                    .header("Cache-Control", "no-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
