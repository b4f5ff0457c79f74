package org.atelier.server.feeds;

import java.time.Instant;
import java.util.Optional;
import org.atelier.server.posts.Post;

/**
 * One entry of a home feed: a post, and who of the accounts the viewer follows reposted it when
 * the entry is a repost.
 *
 * @param post       the post
 * @param repostedBy the repost that brought it, if it came as one
 */
public record HomeEntry(Post post, Optional<Reposter> repostedBy) {

    /**
     * A followed account's repost.
     *
     * @param username    who reposted
     * @param displayName their display name
     * @param at          when
     */
    public record Reposter(String username, String displayName, Instant at) {
    }
}
