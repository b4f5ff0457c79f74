package org.atelier.server.plugins;

import java.time.Instant;

/**
 * An installed plugin as the instance remembers it, so the set of plugins and their states
 * survive restarts and framework cache wipes. The jar itself is kept at
 * {@code <data>/plugins/<symbolicName>.jar}.
 *
 * @param symbolicName the bundle's symbolic name, its identity
 * @param version      the bundle version installed
 * @param jarSha256    the hash of the kept jar, checked on every start
 * @param desiredState {@code STARTED} or {@code STOPPED}: what the admin asked for
 * @param bundled      whether it shipped with Atelier
 * @param installedAt  first installed
 * @param updatedAt    last installed, updated, started or stopped
 */
public record PluginRecord(String symbolicName, String version, String jarSha256, String desiredState,
                           boolean bundled, Instant installedAt, Instant updatedAt) {
    /** The admin wants the plugin running. */
    public static final String STARTED = "STARTED";
    /** The admin stopped the plugin. */
    public static final String STOPPED = "STOPPED";
}
