package org.atelier.server.social;

import java.time.Instant;
import org.atelier.server.posts.PostRecord;

/**
 * Told after a change to who follows, mutes or blocks whom, and after reposts, once its
 * transaction committed: so that other parts (the materialised home timelines, federation) react
 * without {@link Social} and {@link Reactions} knowing them. Listeners run on the request's thread
 * and must not throw.
 */
public interface SocialEvents {

    /**
     * A follow was accepted or ended, or a mute or block made or lifted, between two accounts:
     * what each of them may see from the other changed.
     *
     * @param accountId who acted
     * @param otherId   the other account
     */
    default void networkChanged(long accountId, long otherId) {
    }

    /**
     * An account reposted a post.
     *
     * @param accountId who reposted
     * @param post      the post
     * @param at        when
     */
    default void reposted(long accountId, PostRecord post, Instant at) {
    }

    /**
     * An account took its repost back.
     *
     * @param accountId who had reposted
     * @param post      the post
     */
    default void unreposted(long accountId, PostRecord post) {
    }
}
