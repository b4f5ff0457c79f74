package org.atelier.server.social;

import java.time.Instant;

/**
 * An account in a list (followers, following, follow requests, likes, blocks, mutes).
 *
 * @param id          the account's id
 * @param username    its username
 * @param displayName its display name
 * @param at          when it entered the list (followed, asked, liked, was blocked…)
 */
public record AccountEntry(long id, String username, String displayName, Instant at) {
}
