package dev.refunds.application.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list and whether more items follow it. */
public record Page<T>(List<T> items, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), hasMore);
    }
}
