package dev.refunds.rest.auth;

import dev.refunds.application.operator.Actor;
import dev.refunds.application.operator.Operator;
import dev.refunds.rest.RequestIds;
import io.micronaut.http.HttpRequest;

/** The operator the admin filter authenticated, as a request attribute, and as the actor of a write. */
public final class Operators {
    public static final String ATTRIBUTE = "refunds.operator";

    private Operators() {
    }

    public static Operator of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Operator.class).orElseThrow(
                () -> new IllegalStateException("an admin route ran without the admin filter"));
    }

    public static Actor actor(HttpRequest<?> request) {
        return new Actor(of(request), RequestIds.of(request));
    }
}
