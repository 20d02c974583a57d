package dev.refunds.bootstrap.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every answer a test client receives is checked against the {@code /openapi.yml} the service serves (status,
 * headers, body) with Atlassian's swagger-request-validator: an answer the document does not describe fails the test
 * that received it. Requests outside the document (a path or a method it does not name: the hostile and 404/405
 * suites ask for those on purpose) have no answer to check; they are counted apart.
 */
public final class OpenApiContract {
    private static final Set<String> OUTSIDE_THE_DOCUMENT = Set.of("validation.response.path.missing",
            "validation.response.operation.notAllowed", "validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static final String DOCUMENT = "META-INF/swagger/refunds-openapi.yml";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<URI, OpenApiInteractionValidator> BY_SERVICE = new ConcurrentHashMap<>();
    private static final Map<String, OpenApiInteractionValidator> BY_DOCUMENT = new ConcurrentHashMap<>();
    private static final AtomicLong VALIDATED = new AtomicLong();
    private static final AtomicLong OUTSIDE = new AtomicLong();
    private static final Map<URI, List<Pattern>> PATHS_BY_SERVICE = new ConcurrentHashMap<>();
    private static final Pattern PATH_LINE = Pattern.compile("^  (/[^:\\s]*):\\s*$", Pattern.MULTILINE);

    private OpenApiContract() {
    }

    /** Throws an {@link AssertionError} naming every mismatch when the answer is not the one the document names. */
    public static void check(URI base, String method, String pathAndQuery, int status,
                             Map<String, List<String>> headers, String body) {
        if (!pathAndQuery.startsWith("/")
                || Arrays.stream(Request.Method.values()).noneMatch(known -> known.name().equals(method))) {
            OUTSIDE.incrementAndGet();
            return;
        }
        OpenApiInteractionValidator validator = BY_SERVICE.computeIfAbsent(origin(base), OpenApiContract::served);
        if (!namedByTheDocument(origin(base), pathAndQuery)) {
            OUTSIDE.incrementAndGet();
            return;
        }
        ValidationReport report = validate(validator, method, pathAndQuery, status, headers, body);
        if (report.getMessages().stream().anyMatch(message -> OUTSIDE_THE_DOCUMENT.contains(message.getKey()))) {
            OUTSIDE.incrementAndGet();
            return;
        }
        VALIDATED.incrementAndGet();
        if (report.hasErrors()) {
            throw new AssertionError("Answer not described by /openapi.yml: " + method + " " + pathAndQuery
                    + " -> " + status + "\n" + describe(report) + "\nbody: " + body);
        }
    }

    /** The validator's findings for one exchange, against any document (a test breaks one on purpose). */
    public static ValidationReport validate(OpenApiInteractionValidator validator, String method,
                                            String pathAndQuery, int status, Map<String, List<String>> headers,
                                            String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        return validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                response.build());
    }

    public static OpenApiInteractionValidator validatorFor(String document) {
        return BY_DOCUMENT.computeIfAbsent(document,
                text -> OpenApiInteractionValidator.createForInlineApiSpecification(text).build());
    }

    public static String describe(ValidationReport report) {
        return report.getMessages().stream().map(message -> "  " + message.getLevel() + " " + message.getKey()
                + ": " + message.getMessage()).collect(Collectors.joining("\n"));
    }

    /** Answers checked so far, and answers to requests the document does not name. */
    public static long validated() {
        return VALIDATED.get();
    }

    public static long outsideTheDocument() {
        return OUTSIDE.get();
    }

    /** The document the service serves, as built: for a service that stopped after its answer (fault suites). */
    public static String onTheClassPath() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The validator matches paths ignoring case, so {@code /API/V1/PAYMENTS} (a 404 the hostile suite asks for)
     * would be checked as {@code /api/v1/payments}; the service's routes are case-sensitive, and so is this.
     */
    private static boolean namedByTheDocument(URI origin, String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        List<Pattern> paths = PATHS_BY_SERVICE.computeIfAbsent(origin, OpenApiContract::documentedPaths);
        return paths.stream().anyMatch(template -> template.matcher(path).matches());
    }

    private static List<Pattern> documentedPaths(URI origin) {
        String document = fetch(origin);
        Matcher lines = PATH_LINE.matcher(document == null ? onTheClassPath() : document);
        List<Pattern> paths = new java.util.ArrayList<>();
        while (lines.find()) {
            paths.add(Pattern.compile(Pattern.quote(lines.group(1)).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")));
        }
        return List.copyOf(paths);
    }

    private static URI origin(URI base) {
        return base.resolve("/");
    }

    private static OpenApiInteractionValidator served(URI origin) {
        String document = fetch(origin);
        return validatorFor(document == null ? onTheClassPath() : document);
    }

    /** The document {@code origin} serves; null when the service is gone since it answered. */
    private static String fetch(URI origin) {
        try {
            HttpResponse<String> document = CLIENT.send(HttpRequest.newBuilder(origin.resolve("/openapi.yml"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new AssertionError("GET /openapi.yml answered " + document.statusCode());
            }
            return document.body();
        } catch (IOException goneSinceItAnswered) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
