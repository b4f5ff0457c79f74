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
 * What posts hold besides their row — images with their renditions, embed links, tags — kept for
 * a few seconds, so that a feed page served again and again (every viewer's first page of
 * explore, a home refreshed) costs one query for the rows instead of five. The rows themselves
 * (visibility, state, counts, title) are always read fresh; only this content is cached. Posts
 * forgets a post's content when it edits or deletes it; on other kernel nodes the old content
 * may show for up to {@link #TTL}. Thread-safe.
 */
final class PostContentCache {
    /** How long content is kept. */
    static final Duration TTL = Duration.ofSeconds(5);
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

    private record Timed(Content content, Instant expires) {
    }

    private final Map<Long, Timed> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    PostContentCache(Clock clock) {
        this.clock = clock;
    }

    /** @return the content of those posts that is cached and fresh, by post id */
    Map<Long, Content> get(Collection<Long> postIds) {
        Instant now = clock.instant();
        Map<Long, Content> found = new HashMap<>();
        for (Long id : postIds) {
            Timed timed = entries.get(id);
            if (timed != null && timed.expires().isAfter(now)) {
                found.put(id, timed.content());
            }
        }
        return found;
    }

    void put(long postId, Content content) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_POSTS) {
            entries.values().removeIf(t -> !t.expires().isAfter(now));
            if (entries.size() >= MAX_POSTS) {
                entries.clear();
            }
        }
        entries.put(postId, new Timed(content, now.plus(TTL)));
    }

    void forget(long postId) {
        entries.remove(postId);
    }
}
