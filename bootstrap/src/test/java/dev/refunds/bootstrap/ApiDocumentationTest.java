package dev.refunds.bootstrap;

import dev.refunds.bootstrap.support.TestFolders;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.RunningService;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The generated OpenAPI document covers every route, and the page at /docs renders it in a real browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationTest {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final long BROWSER_SECONDS_MAX = 90;

    private RunningService service;

    @BeforeAll
    void start() {
        service = RunningService.start(Backend.H2.newDatabase());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_route_the_server_exposes_is_in_the_openapi_document() {
        ApiResponse document = service.api().get("/openapi.yml");
        assertThat(document.status()).isEqualTo(200);
        Map<String, Object> paths = (Map<String, Object>) new Yaml().<Map<String, Object>>load(document.raw())
                .get("paths");
        List<UriRouteInfo<?, ?>> routes = service.bean(Router.class).uriRoutes().toList();
        assertThat(routes).hasSizeGreaterThan(20);
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toPathString();
            if (path.startsWith("/openapi") || path.startsWith("/docs") || path.startsWith("/console")
                    || "HEAD".equals(route.getHttpMethodName())) {
                continue;   // documentation and the console are pages, not API; HEAD mirrors every GET
            }
            assertThat(paths).as("paths of /openapi.yml").containsKey(path);
            Map<String, Object> operations = (Map<String, Object>) paths.get(path);
            assertThat(operations).as("operations of %s", path)
                    .containsKey(route.getHttpMethodName().toLowerCase(Locale.ROOT));
        }
        assertThat(document.raw()).contains("X-Idempotency-Key", "ends in 13", "AMOUNT_EXCEEDS_REFUNDABLE");
    }

    @Test
    void the_docs_page_lists_the_refund_endpoints_in_headless_chromium() throws IOException, InterruptedException {
        String rendered = new String(chromium("--dump-dom", service.uri().resolve("/docs").toString()),
                StandardCharsets.UTF_8);
        assertThat(rendered).as("the page rendered by Redoc")
                .contains("/api/v1/payments/{paymentId}/refunds", "/api/v2/refundPayment",
                        "/api/admin/refunds/{refundId}/approve");
        String sidebar = text(rendered.substring(0, rendered.indexOf("api-content")));
        assertThat(sidebar).as("Redoc's sidebar: the authentication section, then one group per tag in the"
                + " document's order").containsSubsequence("Authentication", "Payments", "Create a payment",
                "Refunds", "Request a refund of a payment", "SecPaid v2", "Request a refund (v2)", "Webhooks",
                "Admin", "Approve a refund in review", "Reports", "Operations");
        String content = text(rendered.substring(rendered.indexOf("api-content")));
        assertThat(content).as("the authentication section draws every security scheme")
                .containsSubsequence("Authentication", "AdminBearer", "HTTP Authorization Scheme: bearer",
                        "ApiKey", "Header parameter name: X-Api-Key", "BusinessId",
                        "Header parameter name: Business-Id", "ClientId", "Header parameter name: Client-Id");
        assertThat(content).as("an operation shows the schemes it needs (the three merchant headers together)")
                .contains("ClientId BusinessId ApiKey", "Authorizations: AdminBearer");
        assertThat(content).as("an operation shows a request and a response sample")
                .containsSubsequence("Request a refund of a payment", "Request samples", "\"reason\"",
                        "Response samples", "\"status\" : \"success\"", "\"refundId\"", "Get a refund");
    }

    @Test
    void headless_chromium_takes_a_screenshot_of_the_docs_page() throws IOException, InterruptedException {
        Path screenshot = Path.of("target", "docs-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--hide-scrollbars", "--window-size=1280,1800", "--screenshot=" + screenshot,
                service.uri().resolve("/docs").toString());
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).as("a PNG (docs/api-docs.png in the README is one of these)").startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(20_000);
    }

    private static byte[] chromium(String... arguments) throws IOException, InterruptedException {
        String chromium = CHROMIUM.stream().filter(candidate -> Files.isExecutable(Path.of(candidate))).findFirst()
                .orElseGet(() -> fail("This test needs Chromium: apt-get install chromium (.ci/run installs it)"));
        Path profile = TestFolders.create("chromium-profile-");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=20000"));
        command.addAll(List.of(arguments));
        Process browser = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = browser.getInputStream().readAllBytes();
        if (!browser.waitFor(BROWSER_SECONDS_MAX, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            fail("Chromium did not finish within " + BROWSER_SECONDS_MAX + " s");
        }
        return output;
    }

    /** The page's text, tags and runs of white space each made one space. */
    private static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
    }
}
