package org.atelier.plugin.api.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.atelier.plugin.api.detect.Verdict;

/**
 * A post that may appear in a viewer's home feed, with the signals the kernel has about it.
 *
 * @param postId         the post's id
 * @param authorId       the author's account id (local or remote)
 * @param authorFollowed whether the viewer follows the author
 * @param followedTags   which of the post's tags the viewer follows (empty when none)
 * @param published      when the post was published
 * @param likes          how many likes it has
 * @param reposts        how many reposts it has
 * @param comments       how many comments it has
 * @param aiVerdict      the combined AI verdict of its images
 * @param remote         whether it came from another instance
 */
public record FeedCandidate(long postId, long authorId, boolean authorFollowed,
                            Set<String> followedTags, Instant published, int likes, int reposts,
                            int comments, Verdict aiVerdict, boolean remote) {
    /**
     * Copies the tags and validates the components.
     *
     * @param postId         the post's id
     * @param authorId       the author's id
     * @param authorFollowed whether the viewer follows the author
     * @param followedTags   followed tags of the post
     * @param published      publication instant
     * @param likes          likes, not negative
     * @param reposts        reposts, not negative
     * @param comments       comments, not negative
     * @param aiVerdict      the AI verdict
     * @param remote         whether it is remote
     */
    public FeedCandidate {
        followedTags = Set.copyOf(followedTags);
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(aiVerdict, "aiVerdict");
        if (likes < 0 || reposts < 0 || comments < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
