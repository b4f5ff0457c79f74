package org.atelier.server.accounts;

import java.time.Instant;
import org.atelier.plugin.api.web.Role;
import org.atelier.plugin.api.web.Viewer;

/**
 * A local account.
 *
 * @param id           its id
 * @param username     its username
 * @param email        its e-mail address
 * @param displayName  its display name
 * @param bio          its biography (plain text for now)
 * @param passwordHash the Argon2id PHC string
 * @param role         its role
 * @param status       whether it may sign in
 * @param createdAt    when it registered
 */
public record Account(long id, String username, String email, String displayName, String bio, String passwordHash,
                      Role role, AccountStatus status, Instant createdAt) {

    /**
     * The account as plugins and pages see the signed-in viewer.
     *
     * @return the viewer
     */
    public Viewer viewer() {
        return new Viewer(id, username, displayName, role);
    }
}
