package org.atelier.server.jobs;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.atelier.server.store.DatabaseKind;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Claims due jobs for a worker, the one place where H2 and MariaDB need different SQL.
 *
 * <p><b>MariaDB</b>: one READ COMMITTED transaction that locks the candidates with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} (expired leases first, then due READY jobs) and marks
 * them RUNNING. Because every row the transaction touches was first taken with SKIP LOCKED, it
 * never waits for a lock and so can never be part of a deadlock. Details that matter, all measured
 * on MariaDB 10.11:
 * <ul>
 *   <li>The two states are locked by two queries, not one {@code (READY AND due) OR (RUNNING AND
 *       expired)} query: with the OR, InnoDB cannot walk the {@code (queue, state, run_at)} index
 *       in order, so it filesorts and locks <em>every</em> matching row before applying LIMIT; a
 *       concurrent claimer then skips them all and gets nothing. Per state it locks only the rows
 *       it returns.</li>
 *   <li>READ COMMITTED because under REPEATABLE READ locking reads also take gap locks on the
 *       scanned index range, which would hold up concurrent enqueues into the queue.</li>
 *   <li>Expired runs on their last attempt are buried by id after being locked the same way: a
 *       set-based {@code UPDATE … WHERE queue = ? AND state = 'RUNNING' …} waits for row locks,
 *       and deadlocked against concurrent {@code complete} calls within a few hundred jobs.</li>
 * </ul>
 *
 * <p><b>H2</b> (2.5.252) accepts {@code FOR UPDATE SKIP LOCKED} and skips correctly, but unless
 * it can read rows in primary-key order it locks every row matching the WHERE clause before it
 * sorts and applies LIMIT; that held for all our claim queries, even {@code ORDER BY run_at} on a
 * single state, which the {@code (queue, state, run_at)} index could serve. Claiming 4 jobs from a
 * backlog of 10,000 would lock all 10,000, and every concurrent claimer would come back empty.
 * So on H2 the candidates are read without locks and each is taken by a conditional
 * {@code UPDATE … WHERE id = ? AND <still claimable>}, in its own auto-committed statement. H2
 * re-evaluates that condition after waiting for a concurrent claimer's row lock, so only one
 * claimer ever sees an update count of 1. Losing a race just moves on to the next candidate,
 * which is why more candidates are read than asked for.
 *
 * <p>Thread-safe (stateless besides the thread-safe {@link Jdbi}).
 */
abstract sealed class JobClaimer {
    private static final System.Logger LOG = System.getLogger(JobClaimer.class.getName());
    // Abandoned runs are rare (a crashed or hung worker); a claim buries at most this many.
    private static final int ABANDONED_BATCH = 100;

    final Jdbi jdbi;

    private JobClaimer(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static JobClaimer forKind(DatabaseKind kind, Jdbi jdbi) {
        return switch (kind) {
            case MARIADB -> new SkipLocked(jdbi);
            case H2 -> new ConditionalUpdate(jdbi);
        };
    }

    private static void logBuried(String queue, int buried) {
        if (buried > 0) {
            LOG.log(System.Logger.Level.WARNING,
                    "{0} job(s) of queue {1} went DEAD: their lease expired on the last attempt", buried, queue);
        }
    }

    /**
     * Claims up to {@code max} jobs, oldest due first. First sends expired runs that were on their
     * last attempt to DEAD (see {@code buryAbandoned.sql}).
     */
    final List<ClaimedJob> claim(String queue, String workerId, int max, LocalDateTime now, LocalDateTime leaseUntil) {
        return claimRows(queue, workerId, max, now, leaseUntil).stream()
                .map(row -> new ClaimedJob(row.id(), row.queue(), row.payload(), row.attempts(), row.maxAttempts(),
                        workerId, row.lockedUntil().orElseThrow(), row.createdAt()))
                .toList();
    }

    /** The claimed rows as now stored: RUNNING, leased to {@code workerId}. */
    abstract List<JobView> claimRows(String queue, String workerId, int max, LocalDateTime now,
                                     LocalDateTime leaseUntil);

    private static final class SkipLocked extends JobClaimer {
        SkipLocked(Jdbi jdbi) {
            super(jdbi);
        }

        @Override
        List<JobView> claimRows(String queue, String workerId, int max, LocalDateTime now, LocalDateTime leaseUntil) {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
                JobDao dao = handle.attach(JobDao.class);
                List<Long> abandoned = dao.lockAbandoned(queue, now, ABANDONED_BATCH);
                if (!abandoned.isEmpty()) {
                    logBuried(queue, dao.buryAbandoned(abandoned, now));
                }
                // Expired leases first: they have already waited a whole lease.
                List<Long> ids = new ArrayList<>(dao.lockExpired(queue, now, max));
                if (ids.size() < max) {
                    ids.addAll(dao.lockReady(queue, now, max - ids.size()));
                }
                if (ids.isEmpty()) {
                    return List.of();
                }
                dao.markClaimed(ids, workerId, leaseUntil);
                return dao.claimed(ids, workerId);
            });
        }
    }

    private static final class ConditionalUpdate extends JobClaimer {
        // Enough spare candidates that a claimer racing another one usually still fills its batch.
        private static final int SPARE_CANDIDATES = 32;

        ConditionalUpdate(Jdbi jdbi) {
            super(jdbi);
        }

        @Override
        List<JobView> claimRows(String queue, String workerId, int max, LocalDateTime now, LocalDateTime leaseUntil) {
            return jdbi.withHandle(handle -> {
                JobDao dao = handle.attach(JobDao.class);
                List<Long> abandoned = dao.abandonedCandidates(queue, now, ABANDONED_BATCH);
                if (!abandoned.isEmpty()) {
                    logBuried(queue, dao.buryAbandoned(abandoned, now));
                }
                int window = max + Math.min(max, SPARE_CANDIDATES) * 3;
                List<Long> won = new ArrayList<>();
                for (long id : dao.candidates(queue, now, window)) {
                    if (dao.claimOne(id, workerId, now, leaseUntil) == 1) {
                        won.add(id);
                        if (won.size() == max) {
                            break;
                        }
                    }
                }
                return won.isEmpty() ? List.of() : dao.claimed(won, workerId);
            });
        }
    }
}
