package org.atelier.plugin.api.detect;

import java.util.Objects;

/**
 * One readable piece of evidence behind a verdict, shown to moderators and, briefly, to the artist.
 *
 * @param signal which signal spoke, for example {@code c2pa.digitalSourceType} or
 *               {@code png.parameters}
 * @param detail what it said, in words a moderator can check
 */
public record Evidence(String signal, String detail) {
    /**
     * Validates the components.
     *
     * @param signal which signal spoke
     * @param detail what it said
     */
    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(detail, "detail");
    }
}
