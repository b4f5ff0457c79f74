package org.atelier.server.accounts;

/**
 * A session just created: the secret for the cookie (only its hash is stored) and its CSRF token.
 *
 * @param secret    the cookie value
 * @param csrfToken the session's CSRF token
 * @param account   the account signed in
 */
public record NewSession(String secret, String csrfToken, Account account) {
}
