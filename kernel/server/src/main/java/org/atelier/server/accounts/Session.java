package org.atelier.server.accounts;

/**
 * A signed-in browser or client.
 *
 * @param account   the account
 * @param csrfToken the token every state-changing request of this session must carry
 */
public record Session(Account account, String csrfToken) {
}
