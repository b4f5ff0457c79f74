package org.atelier.server.accounts;

/**
 * Whether an account may sign in.
 */
public enum AccountStatus {
    /** May sign in. */
    ACTIVE,
    /** Registered while registrations need approval; waits for an admin. */
    PENDING,
    /** Blocked by an admin. */
    SUSPENDED
}
