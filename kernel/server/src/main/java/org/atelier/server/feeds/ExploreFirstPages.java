package org.atelier.server.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostEvents;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Cursor;
import org.atelier.server.text.Mention;

/**
 * Explore's first pages, read once for everyone every {@link #TTL}: explore is the same list for
 * every viewer — public posts across the instance — but for the authors a viewer muted or has a
 * block with, and its first page is what most visitors open. The shared rows are read as a
 * signed-out visitor sees them (published and public, the visibility rule with no viewer), so a
 * viewer's page is those rows minus the authors silenced for them ({@link SilencedAccounts}). What
 * the cache can hold back is a post newer than {@link #TTL}, or counts that old. When a viewer silences so many of the shared rows' authors
 * that a page cannot be filled from them, the caller reads the viewer's own page. A post
 * published, edited or deleted on this kernel node is seen by the next request (the shared rows
 * expire); on another node, within {@link #TTL}. One request at a time reads the rows again, the
 * others serving the old ones meanwhile. Thread-safe.
 */
final class ExploreFirstPages implements PostEvents {
    /** How long a first page is shared. */
    static final Duration TTL = Duration.ofSeconds(1);
    /** Rows read beyond the largest page, so that a viewer's silenced authors can be left out. */
    static final int SPARE = 20;

    private record Shared(List<Feeds.KeyedPost> rows, List<Post> posts, boolean whole, Instant until) {
    }

    private final Feeds feeds;
    private final Posts posts;
    private final Clock clock;
    private final Map<ExploreSort, Shared> shared = new EnumMap<>(ExploreSort.class);
    /** The orders whose rows a request is reading now (guarded by {@code shared}). */
    private final java.util.Set<ExploreSort> refreshing = java.util.EnumSet.noneOf(ExploreSort.class);

    ExploreFirstPages(Feeds feeds, Posts posts, Clock clock) {
        this.feeds = feeds;
        this.posts = posts;
        this.clock = clock;
    }

    /**
     * The first page of explore for one viewer, from the shared rows.
     *
     * @param sort     the order
     * @param silenced the authors silenced for the viewer; empty when signed out
     * @param limit    page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page; empty when the shared rows cannot fill it for this viewer
     */
    Optional<Posts.Page> page(ExploreSort sort, Optional<Set<Long>> silenced, int limit) {
        Shared rows = rows(sort);
        Set<Long> left = silenced.orElse(Set.of());
        List<Post> page = new java.util.ArrayList<>(limit);
        Cursor last = null;
        boolean more = false;
        for (int i = 0; i < rows.rows().size(); i++) {
            if (left.contains(rows.rows().get(i).post().authorId())) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(rows.posts().get(i));
            last = rows.rows().get(i).key();
        }
        if (!more && !rows.whole()) {
            return Optional.empty();
        }
        return Optional.of(new Posts.Page(List.copyOf(page),
                more ? Optional.of(last.token()) : Optional.empty()));
    }

    @Override
    public void published(PostRecord post, List<Mention> mentions) {
        forget();
    }

    @Override
    public void edited(PostRecord post, List<Mention> newMentions) {
        forget();
    }

    @Override
    public void deleted(PostRecord post) {
        forget();
    }

    private void forget() {
        synchronized (shared) {
            // expired rather than dropped: the next request reads them again while others in flight keep the old
            shared.replaceAll((sort, kept) -> new Shared(kept.rows(), kept.posts(), kept.whole(), Instant.MIN));
        }
    }

    private Shared rows(ExploreSort sort) {
        Instant now = clock.instant();
        Shared kept;
        synchronized (shared) {
            kept = shared.get(sort);
            if (kept != null && (kept.until().isAfter(now) || !refreshing.add(sort))) {
                // fresh, or another request is reading the new rows: this one serves what is kept
                return kept;
            }
            if (kept == null) {
                refreshing.add(sort);
            }
        }
        // one request reads at a time per order (the first ones on a cold start may read together);
        // the others keep serving the old rows meanwhile, so the turn of a second is no stampede
        try {
            int want = Posts.MAX_PAGE + 1 + SPARE;
            List<Feeds.KeyedPost> rows = feeds.explore(0L, sort, Cursor.START, want);
            List<Post> loaded = posts.withContent(rows.stream().map(Feeds.KeyedPost::post).toList());
            Shared fresh = new Shared(rows, loaded, rows.size() < want, clock.instant().plus(TTL));
            synchronized (shared) {
                shared.put(sort, fresh);
            }
            return fresh;
        } finally {
            synchronized (shared) {
                refreshing.remove(sort);
            }
        }
    }
}
