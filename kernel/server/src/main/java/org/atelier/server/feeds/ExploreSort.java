package org.atelier.server.feeds;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two orders of explore. */
public enum ExploreSort {
    /** Newest first. */
    RECENT,
    /** By {@link Popularity}: engagement weighed against age. */
    POPULAR;

    /** @return the name in URLs: {@code recent} or {@code popular} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a {@code sort=} parameter.
     *
     * @param key the parameter
     * @return the sort, if the key names one
     */
    public static Optional<ExploreSort> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
