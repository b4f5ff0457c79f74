package org.atelier.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.atelier.server.accounts.AccountDao;
import org.atelier.server.feeds.HomeTimelines;
import org.atelier.server.jobs.EnqueueOptions;
import org.atelier.server.jobs.JobQueue;
import org.atelier.server.jobs.JobState;
import org.atelier.server.store.Database;

/**
 * Periodic clean-up, run as a job on the kernel's durable queue so that with several kernel nodes
 * exactly one of them does each round: expired sessions are deleted and finished jobs older than
 * a week are purged, and home timelines grown long are trimmed. Each round enqueues the next one.
 */
final class Housekeeping {
    /** The queue housekeeping rounds run on. */
    static final String QUEUE = "kernel.housekeeping";
    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration KEEP_FINISHED_JOBS = Duration.ofDays(7);

    private final Database database;
    private final JobQueue queue;
    private final Clock clock;
    private final HomeTimelines timelines;

    Housekeeping(Database database, JobQueue queue, HomeTimelines timelines, Clock clock) {
        this.database = database;
        this.timelines = timelines;
        this.queue = queue;
        this.clock = clock;
    }

    /** Makes sure a round is scheduled (none is, on a fresh instance). */
    void schedule() {
        Map<String, Long> counts = queue.counts(QUEUE);
        if (counts.getOrDefault(JobState.READY.name(), 0L) + counts.getOrDefault(JobState.RUNNING.name(), 0L) == 0) {
            queue.enqueue(QUEUE, "{}");
        }
    }

    /** One round; the worker calls it. */
    void run() {
        int sessions = database.jdbi().onDemand(AccountDao.class).deleteExpiredSessions(clock.instant());
        int jobs = queue.purgeFinished(KEEP_FINISHED_JOBS);
        int trimmed = timelines.trim();
        LOG.fine(() -> "housekeeping removed " + sessions + " expired sessions and " + jobs + " finished jobs, and"
                + " trimmed " + trimmed + " home timelines");
        queue.enqueue(QUEUE, "{}", EnqueueOptions.defaults().withDelay(INTERVAL));
    }
}
