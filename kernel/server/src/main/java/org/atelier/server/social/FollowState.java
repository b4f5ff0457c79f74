package org.atelier.server.social;

import java.util.Locale;

/** Where a follow stands. */
public enum FollowState {
    /** The follower sees the followee's followers-only posts. */
    ACCEPTED,
    /** Waiting for a locked account's approval. */
    PENDING;

    /** @return the name used in the API and the database */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a stored state.
     *
     * @param key {@code accepted} or {@code pending}
     * @return the state
     */
    static FollowState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
