package org.atelier.server.accounts;

/**
 * What someone submits to register.
 *
 * @param username    the username wanted
 * @param email       the e-mail address
 * @param password    the password
 * @param displayName the display name (defaults to the username)
 * @param inviteCode  the invite code, when registrations need one
 */
public record Registration(String username, String email, String password, String displayName, String inviteCode) {
}
