package org.atelier.plugin.api.cloak;

/**
 * Where a long-running plugin reports how far it has got. Calls are cheap and may be frequent.
 */
@FunctionalInterface
public interface ProgressSink {

    /**
     * Reports progress.
     *
     * @param fraction how much is done, from 0 to 1; values outside are clamped
     * @param stage    a short description of the current step, shown to the artist
     */
    void report(double fraction, String stage);
}
