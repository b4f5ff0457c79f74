package org.atelier.plugin.api.web;

/**
 * An account's role on the instance.
 */
public enum Role {
    /** Runs the instance: plugins, settings, registrations. */
    ADMIN,
    /** Reviews reports and held content. */
    MODERATOR,
    /** Posts work; the default. */
    ARTIST
}
