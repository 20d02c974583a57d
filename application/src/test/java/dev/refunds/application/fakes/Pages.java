package dev.refunds.application.fakes;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Cursor pages over an ordered list, as the ports' javadoc describes them. */
final class Pages {
    private Pages() {
    }

    /**
     * @param ordered every item the cursor may name, already in list order
     * @param idOf    an item's id, as {@code startingAfter} names it
     * @param include the list's filter (status)
     */
    static <T> Page<T> page(List<T> ordered, Function<T, String> idOf, Predicate<T> include, PageRequest request) {
        int start = 0;
        if (request.startingAfter().isPresent()) {
            String cursor = request.startingAfter().get();
            int at = -1;
            for (int i = 0; i < ordered.size(); i++) {
                if (idOf.apply(ordered.get(i)).equals(cursor)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new InvalidInputException("startingAfter", "startingAfter names no item of this list");
            }
            start = at + 1;
        }
        List<T> rest = ordered.subList(start, ordered.size()).stream().filter(include).toList();
        int size = Math.min(request.limit(), rest.size());
        return new Page<>(rest.subList(0, size), rest.size() > size);
    }
}
