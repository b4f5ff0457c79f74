package org.atelier.server.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.server.store.ShortLivedCache;

/**
 * What posts hold besides their row — images with their renditions, embed links, tags — kept, so
 * that a feed page served again and again (every viewer's first page of explore, a home refreshed)
 * costs one query for the rows instead of five. The rows themselves (visibility, state, counts,
 * title) are always read fresh, and content is used only with the row's {@code updated_at} it was
 * read with: everything that changes content moves it (an edit; alt text, crops and renditions
 * through {@code MediaDao.touchPost}), on this kernel node or another. {@link #TTL} bounds what two
 * changes within one millisecond could leave behind. Thread-safe.
 */
final class PostContentCache {
    /** How long content is kept. */
    static final Duration TTL = Duration.ofMinutes(1);
    /** Most posts kept; past this, expired entries are dropped, and if that is not enough, all. */
    static final int MAX_POSTS = 10_000;

    /**
     * A post's content.
     *
     * @param images its images with their renditions, in order
     * @param embeds its embed links, in order
     * @param tags   its tags
     */
    record Content(List<PostImage> images, List<String> embeds, List<String> tags) {
    }

    private record Read(Content content, Instant updatedAt) {
    }

    private final ShortLivedCache<Long, Read> entries;
    private final Clock clock;

    PostContentCache(Clock clock) {
        this.clock = clock;
        this.entries = new ShortLivedCache<>(clock, MAX_POSTS);
    }

    /** @return the content of those posts that is cached and read with the row as it is now, by post id */
    Map<Long, Content> get(Collection<PostRecord> posts) {
        Map<Long, Content> found = new HashMap<>();
        for (PostRecord post : posts) {
            entries.get(post.id()).filter(read -> read.updatedAt().equals(post.updatedAt()))
                    .ifPresent(read -> found.put(post.id(), read.content()));
        }
        return found;
    }

    void put(PostRecord post, Content content) {
        entries.put(post.id(), new Read(content, post.updatedAt()), clock.instant().plus(TTL));
    }

    void forget(long postId) {
        entries.remove(postId);
    }
}
