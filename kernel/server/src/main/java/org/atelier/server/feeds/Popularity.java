package org.atelier.server.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.atelier.server.jobs.EnqueueOptions;
import org.atelier.server.jobs.JobQueue;
import org.atelier.server.jobs.JobState;
import org.atelier.server.posts.PostEvents;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.store.Database;
import org.atelier.server.text.Mention;

/**
 * The "popular" order of explore: a hot score kept in {@code posts.popularity}.
 *
 * <p>The score is {@code log10(1 + likes + 2 × reposts + comments) + seconds since 2024 / 45 000}
 * (in millionths): ten times the engagement is worth 12.5 hours of recency. Time decay is built
 * into the publication time, so a score changes only when a post's counts change, never because
 * time passes — which is what lets explore read the order from an index instead of scoring every
 * recent post on every request. A post is scored when it is published, by {@link #rescore} when
 * something changes its counts, and by a periodic job that rescores the posts of the last
 * {@link #WINDOW} (so counts changed by any path are picked up within {@link #INTERVAL}); older
 * posts keep their last score, which their age already puts far below recent work.
 * Thread-safe.
 */
public final class Popularity implements PostEvents {
    /** The job queue of the periodic rescoring. */
    public static final String QUEUE = "feeds.popularity";
    /** How far back the periodic job rescores. */
    public static final Duration WINDOW = Duration.ofDays(7);
    /** How often it runs. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Seconds of recency that one tenfold engagement is worth. */
    static final double SECONDS_PER_DECADE = 45_000;
    private static final long EPOCH = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final double SCALE = 1_000_000;

    private final FeedDao dao;
    private final JobQueue queue;
    private final Clock clock;

    /**
     * Creates the scorer.
     *
     * @param database the database
     * @param queue    the job queue of the periodic rescoring
     * @param clock    the clock
     */
    public Popularity(Database database, JobQueue queue, Clock clock) {
        this.dao = database.jdbi().onDemand(FeedDao.class);
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * A post's score.
     *
     * @param likes       its likes
     * @param reposts     its reposts
     * @param comments    its comments
     * @param publishedAt when it was published
     * @return the score, higher first
     */
    public static long score(int likes, int reposts, int comments, Instant publishedAt) {
        long engagement = Math.max(0, (long) likes + 2L * reposts + comments);
        double value = Math.log10(1 + engagement) + (publishedAt.getEpochSecond() - EPOCH) / SECONDS_PER_DECADE;
        return Math.round(value * SCALE);
    }

    /**
     * Rescores one post now; the services that change likes, reposts or comments call it after
     * their transaction so that explore reflects the change at once.
     *
     * @param postId the post
     */
    public void rescore(long postId) {
        dao.countsOf(postId).ifPresent(this::store);
    }

    /**
     * Rescores the posts published within {@link #WINDOW}, writing only the scores that changed.
     *
     * @return how many scores changed
     */
    public int refresh() {
        int changed = 0;
        for (FeedDao.Counts counts : dao.publishedSince(clock.instant().minus(WINDOW))) {
            if (store(counts)) {
                changed++;
            }
        }
        return changed;
    }

    /** Makes sure a periodic round is scheduled (none is, on a fresh instance). */
    public void schedule() {
        Map<String, Long> counts = queue.counts(QUEUE);
        if (counts.getOrDefault(JobState.READY.name(), 0L) + counts.getOrDefault(JobState.RUNNING.name(), 0L) == 0) {
            queue.enqueue(QUEUE, "{}");
        }
    }

    /** One periodic round, run by the job worker; it enqueues the next. */
    public void runScheduled() {
        refresh();
        queue.enqueue(QUEUE, "{}", EnqueueOptions.defaults().withDelay(INTERVAL));
    }

    @Override
    public void published(PostRecord post, List<Mention> mentions) {
        rescore(post.id());
    }

    /** An edit may make a post public, and the periodic job only rescores public posts. */
    @Override
    public void edited(PostRecord post, List<Mention> newMentions) {
        rescore(post.id());
    }

    private boolean store(FeedDao.Counts counts) {
        long score = score(counts.likes(), counts.reposts(), counts.comments(), counts.publishedAt());
        if (score == counts.popularity()) {
            return false;
        }
        dao.setPopularity(counts.id(), score);
        return true;
    }
}
