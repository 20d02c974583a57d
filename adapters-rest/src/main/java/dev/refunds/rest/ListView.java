package dev.refunds.rest;

import dev.refunds.application.shared.Page;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** {@code {"items": […], "hasMore": true}}: one cursor page; ask for the next with {@code startingAfter}. */
@Serdeable
public record ListView(List<?> items, boolean hasMore) {
    public static <T> ListView of(Page<T> page, Function<T, ?> view) {
        return new ListView(page.items().stream().map(view).toList(), page.hasMore());
    }

    public static <T> ListView all(List<T> items, Function<T, ?> view) {
        return new ListView(items.stream().map(view).toList(), false);
    }
}
