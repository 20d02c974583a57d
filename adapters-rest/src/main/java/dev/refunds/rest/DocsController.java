package dev.refunds.rest;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The OpenAPI document generated at build time, at {@code /openapi.yml}, and a browsable page at {@code /docs}
 * (Redoc, its script served from here too). Open to all: it is documentation, not data.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class DocsController {
    static final String OPENAPI = "classpath:META-INF/swagger/refunds-openapi.yml";
    static final String PAGE = "classpath:docs/index.html";
    static final String REDOC = "classpath:META-INF/swagger/views/redoc/res/redoc.standalone.js";
    private static final String YAML = "application/yaml";
    private static final String JAVASCRIPT = "text/javascript";

    private final ResourceResolver resources;

    DocsController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get("/openapi.yml")
    @Produces(YAML)
    HttpResponse<byte[]> openApi() {
        return file(OPENAPI, YAML);
    }

    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<byte[]> page() {
        return file(PAGE, MediaType.TEXT_HTML);
    }

    @Get("/docs/redoc.standalone.js")
    @Produces(JAVASCRIPT)
    HttpResponse<byte[]> redoc() {
        return file(REDOC, JAVASCRIPT);
    }

    private HttpResponse<byte[]> file(String location, String type) {
        Optional<InputStream> stream = resources.getResourceAsStream(location);
        if (stream.isEmpty()) {
            throw new IllegalStateException(location + " is missing from the build");
        }
        try (InputStream in = stream.get()) {
            return HttpResponse.ok(in.readAllBytes()).contentType(type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
