package org.atelier.server.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private record Timed(Content content, Instant updatedAt, Instant expires) {
    }

    private final Map<Long, Timed> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    PostContentCache(Clock clock) {
        this.clock = clock;
    }

    /** @return the content of those posts that is cached and read with the row as it is now, by post id */
    Map<Long, Content> get(Collection<PostRecord> posts) {
        Instant now = clock.instant();
        Map<Long, Content> found = new HashMap<>();
        for (PostRecord post : posts) {
            Timed timed = entries.get(post.id());
            if (timed != null && timed.updatedAt().equals(post.updatedAt()) && timed.expires().isAfter(now)) {
                found.put(post.id(), timed.content());
            }
        }
        return found;
    }

    void put(PostRecord post, Content content) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_POSTS) {
            entries.values().removeIf(t -> !t.expires().isAfter(now));
            if (entries.size() >= MAX_POSTS) {
                entries.clear();
            }
        }
        entries.put(post.id(), new Timed(content, post.updatedAt(), now.plus(TTL)));
    }

    void forget(long postId) {
        entries.remove(postId);
    }
}
