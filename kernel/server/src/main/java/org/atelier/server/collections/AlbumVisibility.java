package org.atelier.server.collections;

import java.util.Locale;
import java.util.Optional;

/** Who may see an album (its posts are still each checked against the viewer). */
public enum AlbumVisibility {
    /** Anyone the owner has not blocked (and who has not blocked the owner). */
    PUBLIC,
    /** The owner alone. */
    PRIVATE;

    /** @return the name used in the API and the database */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a key.
     *
     * @param key the key
     * @return the visibility, if the key names one
     */
    public static Optional<AlbumVisibility> of(String key) {
        for (AlbumVisibility v : values()) {
            if (v.key().equals(key)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
