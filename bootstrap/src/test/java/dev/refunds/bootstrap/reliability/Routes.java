package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.RunningService;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's routes as its own router knows them at run time, so a suite built on them covers an endpoint added
 * tomorrow without anyone remembering to add it: method, path template, path variables, query parameters and
 * whether a body is read.
 */
final class Routes {
    enum Audience { MERCHANT, ADMIN, OPEN, UNKNOWN }

    /** Routes anyone may call; any other route outside /api/v1, /api/v2 and /api/admin must be placed by hand. */
    static final java.util.Set<String> OPEN_PATHS = java.util.Set.of("/health", "/docs", "/openapi.yml",
            "/openapi.yaml", "/openapi.json", "/console");

    record Route(String method, String template, List<String> pathVariables, List<String> queryParameters,
                 boolean takesBody) {
        Audience audience() {
            if (template.startsWith("/api/v1/") || template.startsWith("/api/v2/")) {
                return Audience.MERCHANT;
            }
            if (template.startsWith("/api/admin/") || template.equals("/metrics")) {
                return Audience.ADMIN;
            }
            if (OPEN_PATHS.contains(template) || template.startsWith("/health/") || template.startsWith("/docs/")
                    || template.startsWith("/console/")) {
                return Audience.OPEN;   // probes, documentation and the console's static files: no ids, no credentials
            }
            return Audience.UNKNOWN;
        }

        boolean isApi() {
            return template.startsWith("/api/");
        }

        /** The path with each {@code {variable}} replaced by the value given for it. */
        String path(Map<String, String> values) {
            String path = template;
            for (String variable : pathVariables) {
                String value = values.get(variable);
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + variable + "} of " + this);
                }
                path = path.replaceFirst("\\{" + variable + "(:[^}]*)?}", java.util.regex.Matcher.quoteReplacement(
                        value));
            }
            return path;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private Routes() {
    }

    static List<Route> of(RunningService service) {
        Map<String, Route> routes = new LinkedHashMap<>();
        service.bean(Router.class).uriRoutes().forEach(info -> {
            Route route = route(info);
            routes.putIfAbsent(route.toString(), route);
        });
        List<Route> sorted = new ArrayList<>(routes.values());
        sorted.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return sorted;
    }

    private static Route route(UriRouteInfo<?, ?> info) {
        List<String> query = new ArrayList<>();
        boolean body = false;
        for (Argument<?> argument : info.getTargetMethod().getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                String name = argument.getAnnotationMetadata().stringValue(QueryValue.class).orElse("");
                query.add(name.isEmpty() ? argument.getName() : name);
            }
            if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                body = true;
            }
        }
        String template = info.getUriMatchTemplate().toString();
        return new Route(info.getHttpMethodName(), template, List.copyOf(info.getUriMatchTemplate().getVariableNames()),
                List.copyOf(query), body);
    }
}
