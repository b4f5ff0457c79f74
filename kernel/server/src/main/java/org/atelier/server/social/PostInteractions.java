package org.atelier.server.social;

import java.util.Set;

/**
 * What the viewer did to a page of posts, to draw the like and repost buttons pressed.
 *
 * @param likedIds    ids of the posts the viewer likes
 * @param repostedIds ids of the posts the viewer reposted
 */
public record PostInteractions(Set<Long> likedIds, Set<Long> repostedIds) {
    /** Nothing done: what a signed-out visitor has. */
    public static final PostInteractions NONE = new PostInteractions(Set.of(), Set.of());

    /**
     * Copies the sets.
     *
     * @param likedIds    liked posts
     * @param repostedIds reposted posts
     */
    public PostInteractions {
        likedIds = Set.copyOf(likedIds);
        repostedIds = Set.copyOf(repostedIds);
    }

    /**
     * @param postId a post's id
     * @return whether the viewer likes it
     */
    public boolean liked(long postId) {
        return likedIds.contains(postId);
    }

    /**
     * @param postId a post's id
     * @return whether the viewer reposted it
     */
    public boolean reposted(long postId) {
        return repostedIds.contains(postId);
    }
}
