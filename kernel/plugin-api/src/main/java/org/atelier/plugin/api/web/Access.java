package org.atelier.plugin.api.web;

/**
 * Who may use a route or see a navigation entry. The kernel enforces it before calling handlers.
 */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in, approved account. */
    SIGNED_IN,
    /** Moderators and admins. */
    MODERATOR,
    /** Admins only. */
    ADMIN
}
