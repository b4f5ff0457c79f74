package org.atelier.plugin.api.web;

import java.util.Objects;

/**
 * The signed-in account making a request.
 *
 * @param accountId   the account's id
 * @param username    its username
 * @param displayName its display name
 * @param role        its role
 */
public record Viewer(long accountId, String username, String displayName, Role role) {
    /**
     * Validates the components.
     *
     * @param accountId   the account's id
     * @param username    its username
     * @param displayName its display name
     * @param role        its role
     */
    public Viewer {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }

    /**
     * Whether this viewer may use something with the given access level.
     *
     * @param access the required level
     * @return true when allowed
     */
    public boolean may(Access access) {
        return switch (access) {
            case PUBLIC, SIGNED_IN -> true;
            case MODERATOR -> role == Role.MODERATOR || role == Role.ADMIN;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
