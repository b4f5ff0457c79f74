package org.atelier.server.text;

import java.util.Objects;

/**
 * Where an entity was found in a text: {@code text.substring(start, end)} is exactly what was
 * written (including the leading {@code #} or {@code @}). Indexes are UTF-16 {@code char}
 * indexes, as {@link String#substring(int, int)} takes them.
 *
 * @param entity what was found
 * @param start  index of its first character
 * @param end    index just after its last character
 * @param <E>    the kind of entity
 */
public record Occurrence<E extends TextEntity>(E entity, int start, int end) {

    /**
     * Checks the span.
     *
     * @param entity what was found
     * @param start  index of its first character
     * @param end    index just after its last character
     */
    public Occurrence {
        Objects.requireNonNull(entity, "entity");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
