package org.atelier.plugin.api.cloak;

/**
 * Tells a long-running plugin that its work is no longer wanted (the artist cancelled, the post
 * was deleted, the server is stopping).
 */
@FunctionalInterface
public interface CancellationSignal {

    /**
     * Whether the work should stop.
     *
     * @return true once cancellation was asked for; it never goes back to false
     */
    boolean isCancelled();

    /**
     * Throws when cancellation was asked for; call it between steps.
     *
     * @throws CloakCancelledException if {@link #isCancelled()} is true
     */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new CloakCancelledException();
        }
    }
}
