package org.atelier.server.posts;

import java.util.Locale;
import java.util.Optional;

/** Who may see a published post. */
public enum Visibility {
    /** Anyone, and listed on explore, tag pages and search. */
    PUBLIC,
    /** Anyone with the link and the artist's followers, but never listed on explore, tags or search. */
    UNLISTED,
    /** The artist's accepted followers only, and the artist. */
    FOLLOWERS;

    /** @return the name used in the API, forms and the database */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a key.
     *
     * @param key the key
     * @return the visibility, if the key names one
     */
    public static Optional<Visibility> of(String key) {
        for (Visibility v : values()) {
            if (v.key().equals(key)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
