package org.atelier.server.feeds;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.atelier.server.posts.PostEvents;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.social.SocialEvents;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * Materialised home timelines (fan-out on write, V8): a viewer's home kept as rows, so that a
 * page is one index range instead of a merge of every source ({@link HomeMerge}).
 *
 * <p>The merge stays the definition of what a home holds; a timeline is a copy of its newest
 * {@link #BUILT} entries, made by the merge on the viewer's first read and kept current by the
 * events that add to homes — a post published or edited ({@link PostEvents}), a repost
 * ({@link SocialEvents}). Everything that could take entries away or change which sources a home
 * has — a follow accepted or ended, a mute, a block, a followed tag, a repost taken back — drops
 * the timelines concerned, to be built again from the merge on their next read: such changes are
 * rare beside reads, and rebuilding cannot get them subtly wrong. Who may see a post is checked
 * on every read, so a post deleted, made followers-only or blocked since it was fanned out never
 * shows. Pages below the copied window, and reads while a timeline is being built, are merged as
 * before. Thread-safe; safe with several kernel processes on one database (a build that a drop
 * overtook is thrown away).
 */
public final class HomeTimelines implements PostEvents, SocialEvents {
    /** How many of the newest entries a timeline is built with. */
    static final int BUILT = 400;
    /** After this long a build is taken for abandoned (its process stopped) and may be started again. */
    static final Duration ABANDONED = Duration.ofMinutes(1);

    /**
     * What a timeline is built from: the newest entries of the merged home, newest first.
     *
     * @param entries the entries
     * @param since   the oldest position down to which they are all the home holds there; empty
     *                when they are all it holds
     */
    record Seed(List<SeedEntry> entries, Optional<Cursor> since) {
    }

    /**
     * One entry to build with.
     *
     * @param postId     the post
     * @param at         its time on the home
     * @param reposterId who reposted it there, when it is a repost
     */
    record SeedEntry(long postId, Instant at, Long reposterId) {
    }

    /** Writes a build's entries in one batch. */
    interface SeedWriter {
        @SqlBatch("INSERT IGNORE INTO home_entries (viewer_id, post_id, at, reposter_id)"
                + " VALUES (:viewerId, :postId, :at, :reposterId)")
        void insert(@Bind("viewerId") long viewerId, @Bind("postId") List<Long> postIds, @Bind("at") List<Instant> at,
                    @Bind("reposterId") List<Long> reposterIds);
    }

    private final Jdbi jdbi;
    private final HomeTimelineDao dao;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the timelines.
     *
     * @param database the database
     * @param clock    the clock
     */
    public HomeTimelines(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(HomeTimelineDao.class);
        this.clock = clock;
    }

    /**
     * A page from the viewer's timeline, when it can answer it: the timeline is ready, and holds
     * the page whole (or the home ends within it).
     *
     * @param viewerId the viewer
     * @param cursor   where the previous page ended
     * @param batch    rows to read: the page size and one more
     * @return the entries, up to {@code batch}; empty when the page has to be merged
     */
    Optional<List<HomeTimelineDao.Entry>> page(long viewerId, Cursor cursor, int batch) {
        List<HomeTimelineDao.Entry> rows = dao.page(viewerId, cursor.at(), cursor.id(), batch);
        if (rows.size() == batch) {
            return Optional.of(rows);
        }
        // short: the home ends here, or the page runs below the window the timeline holds
        Optional<HomeTimelineDao.State> state = dao.state(viewerId);
        return state.filter(s -> s.ready() && s.complete()).map(s -> rows);
    }

    /**
     * Builds the viewer's timeline when they have none (or its build was abandoned); does nothing
     * when one exists or is being built.
     *
     * @param viewerId the viewer
     * @param seed     the merge of the viewer's newest {@link #BUILT} entries, read only when this
     *                 call builds
     * @return whether a timeline was built
     */
    boolean build(long viewerId, Supplier<Seed> seed) {
        Instant now = clock.instant();
        Optional<HomeTimelineDao.State> state = dao.state(viewerId);
        if (state.isPresent()) {
            if (state.get().ready() || state.get().startedAt().isAfter(now.minus(ABANDONED))) {
                return false;
            }
            dao.dropAbandoned(viewerId, now.minus(ABANDONED));
        }
        long generation = random.nextLong();
        // claimed (and committed) before the merge reads: a post published from here on is fanned
        // out to this timeline, one published before is in what the merge reads. Entries left
        // without a timeline (a fan-out that raced a drop) go first, in the same transaction.
        boolean claimed = jdbi.inTransaction(h -> {
            HomeTimelineDao tx = h.attach(HomeTimelineDao.class);
            if (tx.begin(viewerId, generation, now) == 0) {
                return false;
            }
            tx.dropEntries(Set.of(viewerId));
            return true;
        });
        if (!claimed) {
            return false;
        }
        Seed read;
        try {
            read = seed.get();
        } catch (RuntimeException e) {
            drop(Set.of(viewerId));
            throw e;
        }
        List<SeedEntry> entries = read.entries();
        return jdbi.inTransaction(h -> {
            // the timeline was dropped meanwhile (the network changed): this build is stale
            if (h.attach(HomeTimelineDao.class).finish(viewerId, generation, read.since().map(Cursor::at).orElse(null),
                    read.since().map(Cursor::id).orElse(0L)) == 0) {
                h.rollback();
                return false;
            }
            if (!entries.isEmpty()) {
                h.attach(SeedWriter.class).insert(viewerId, entries.stream().map(SeedEntry::postId).toList(),
                        entries.stream().map(SeedEntry::at).toList(),
                        entries.stream().map(SeedEntry::reposterId).toList());
            }
            return true;
        });
    }

    /**
     * Drops timelines, to be built again on their viewers' next read.
     *
     * @param viewers the viewers
     */
    void drop(Set<Long> viewers) {
        if (viewers.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            HomeTimelineDao tx = h.attach(HomeTimelineDao.class);
            tx.dropTimelines(viewers);
            tx.dropEntries(viewers);
        });
    }

    @Override
    public void published(PostRecord post, List<org.atelier.server.text.Mention> mentions) {
        jdbi.useTransaction(h -> fanOut(h.attach(HomeTimelineDao.class), post.id()));
    }

    @Override
    public void edited(PostRecord post, List<org.atelier.server.text.Mention> newMentions) {
        // its visibility or tags may have changed: who has it as itself is worked out again
        jdbi.useTransaction(h -> {
            HomeTimelineDao tx = h.attach(HomeTimelineDao.class);
            tx.dropPublicationEntries(post.id());
            fanOut(tx, post.id());
        });
    }

    private static void fanOut(HomeTimelineDao tx, long postId) {
        tx.fanOutToAuthor(postId);
        tx.fanOutToFollowers(postId);
        tx.fanOutToTagFollowers(postId);
    }

    @Override
    public void networkChanged(long accountId, long otherId) {
        drop(Set.of(accountId, otherId));
    }

    @Override
    public void reposted(long accountId, PostRecord post, Instant at) {
        jdbi.useTransaction(h -> {
            HomeTimelineDao tx = h.attach(HomeTimelineDao.class);
            tx.raiseForReposterFollowers(post.id(), post.authorId(), accountId, at);
            tx.fanOutRepost(post.id(), post.authorId(), accountId, at);
        });
    }

    @Override
    public void unreposted(long accountId, PostRecord post) {
        // the entry falls back to an older repost, to the post itself, or away: the merge knows which
        drop(Set.copyOf(dao.holdersOfRepost(post.id(), accountId)));
    }

    /**
     * Trims timelines that fan-out has grown past twice their built size back to {@link #BUILT}
     * entries (the pages below are merged on read, as for any timeline): housekeeping calls it.
     *
     * @return how many timelines were trimmed
     */
    public int trim() {
        return trim(BUILT);
    }

    /** Trims timelines of more than twice {@code keep} entries to {@code keep}. */
    int trim(int keep) {
        int trimmed = 0;
        for (long viewerId : dao.crowded(2 * keep)) {
            // the keep-th newest entry: it and those above it stay
            Optional<Cursor> nth = dao.entryAt(viewerId, keep - 1);
            if (nth.isEmpty()) {
                continue;
            }
            jdbi.useTransaction(h -> {
                HomeTimelineDao tx = h.attach(HomeTimelineDao.class);
                // the cut is never below where the timeline was complete already: entries under
                // that (an old post edited and fanned out again) were never a complete range
                Cursor cut = tx.since(viewerId).filter(since -> HomeMerge.NEWEST_FIRST.compare(since, nth.get()) < 0)
                        .orElse(nth.get());
                if (tx.raiseSince(viewerId, cut.at(), cut.id()) == 1) {
                    tx.dropBelow(viewerId, cut.at(), cut.id());
                }
            });
            trimmed++;
        }
        return trimmed;
    }

    /**
     * The viewer followed or unfollowed a tag.
     *
     * @param viewerId the viewer
     */
    void tagsChanged(long viewerId) {
        drop(Set.of(viewerId));
    }
}
