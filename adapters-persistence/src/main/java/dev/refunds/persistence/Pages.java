package dev.refunds.persistence;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cursor pages over {@code seq}: ask for one row more than the limit to learn whether more follow. */
final class Pages {
    private Pages() {
    }

    /** The seq to start after, or the end value when no cursor was given. */
    static long cursorSeq(PageRequest page, Function<String, Optional<Long>> seqOf, long noCursor) {
        if (page.startingAfter().isEmpty()) {
            return noCursor;
        }
        String cursor = page.startingAfter().get();
        return seqOf.apply(cursor).orElseThrow(() -> new InvalidInputException("startingAfter",
                "startingAfter " + cursor + " is not an item of this list"));
    }

    static <R, T> Page<T> of(List<R> rowsPlusOne, PageRequest page, Function<R, T> toDomain) {
        boolean hasMore = rowsPlusOne.size() > page.limit();
        List<R> rows = hasMore ? rowsPlusOne.subList(0, page.limit()) : rowsPlusOne;
        return new Page<>(rows.stream().map(toDomain).toList(), hasMore);
    }
}
