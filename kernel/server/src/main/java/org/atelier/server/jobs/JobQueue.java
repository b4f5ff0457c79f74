package org.atelier.server.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable job queue: jobs are rows of the {@code jobs} table, so they survive restarts and
 * several kernel processes sharing one database share the work without doing any of it twice.
 *
 * <p>A job is enqueued READY, claimed by a worker under a time-limited lease (RUNNING), and then
 * completed (DONE) or failed. A failed job is retried after an exponential back-off
 * ({@link RetryPolicy}) until its attempts are used up, and then goes DEAD, where admins see it
 * ({@link #dead}) and may {@link #retryDead retry} or {@link #cancel cancel} it. A job whose lease
 * expires (its worker crashed or stalled) is claimed again; the late worker's report is then
 * refused with {@link LeaseLostException}. Delivery is therefore at least once, and handlers must
 * be idempotent.
 *
 * <p>All times come from the injected {@link Clock}, never from the database, so that every node
 * (and every test) agrees on what "due" and "expired" mean.
 *
 * <p>Thread-safe: one instance is shared by the whole process.
 */
public final class JobQueue {
    /** Longest queue name ({@code jobs.queue} is VARCHAR(64)). */
    public static final int MAX_QUEUE_NAME = 64;
    /** Longest worker id ({@code jobs.locked_by} is VARCHAR(100)). */
    public static final int MAX_WORKER_ID = 100;
    /** Largest payload in UTF-8 bytes: MariaDB's {@code TEXT}; H2 would take more, MariaDB would not. */
    public static final int MAX_PAYLOAD_BYTES = 65_535;

    private static final System.Logger LOG = System.getLogger(JobQueue.class.getName());
    private static final int PURGE_BATCH = 1000;

    private final JobDao dao;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final JobClaimer claimer;
    final EnqueueListeners enqueueListeners = new EnqueueListeners(); // for JobWorker

    /**
     * A queue with the {@link RetryPolicy#DEFAULT default retry policy}.
     *
     * @param database the instance database (migrated)
     * @param clock    the source of every time the queue writes or compares
     */
    public JobQueue(Database database, Clock clock) {
        this(database, clock, RetryPolicy.DEFAULT);
    }

    /**
     * A queue with its own retry policy.
     *
     * @param database    the instance database (migrated)
     * @param clock       the source of every time the queue writes or compares
     * @param retryPolicy how long failed jobs wait before their next attempt
     */
    public JobQueue(Database database, Clock clock, RetryPolicy retryPolicy) {
        Jdbi jdbi = database.jdbi();
        this.dao = jdbi.onDemand(JobDao.class); // thread-safe: each call borrows its own connection
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.claimer = JobClaimer.forKind(database.kind(), jdbi);
    }

    /**
     * Enqueues a job to run now, with {@value EnqueueOptions#DEFAULT_MAX_ATTEMPTS} attempts; see
     * {@link #enqueue(String, String, EnqueueOptions)}.
     *
     * @param queue   the queue
     * @param payload what the job is about
     * @return the job's id
     */
    public long enqueue(String queue, String payload) {
        return enqueue(queue, payload, EnqueueOptions.defaults());
    }

    /**
     * Enqueues a job.
     *
     * @param queue   the queue, 1 to {@value #MAX_QUEUE_NAME} characters
     * @param payload what the job is about (usually JSON), at most {@value #MAX_PAYLOAD_BYTES} UTF-8 bytes
     * @param options delay before the first attempt, and attempts allowed
     * @return the job's id
     * @throws IllegalArgumentException for a bad queue name or an oversized payload
     */
    public long enqueue(String queue, String payload, EnqueueOptions options) {
        return insert(dao, queue, payload, options, Runnable::run);
    }

    /**
     * Enqueues a job inside the caller's transaction, so that a row and the work it needs are
     * recorded together: the job exists if and only if that transaction commits. Idle workers of
     * this process are woken once it has committed.
     *
     * @param handle  the caller's handle, usually inside {@code Jdbi.useTransaction}
     * @param queue   the queue, 1 to {@value #MAX_QUEUE_NAME} characters
     * @param payload what the job is about, at most {@value #MAX_PAYLOAD_BYTES} UTF-8 bytes
     * @param options delay before the first attempt, and attempts allowed
     * @return the job's id
     * @throws IllegalArgumentException for a bad queue name or an oversized payload
     */
    public long enqueue(Handle handle, String queue, String payload, EnqueueOptions options) {
        return insert(handle.attach(JobDao.class), queue, payload, options, wake -> {
            if (handle.isInTransaction()) {
                handle.afterCommit(wake);
            } else {
                wake.run();
            }
        });
    }

    /** Inserts a job through {@code target}; {@code whenVisible} runs the wake-up once others can see the job. */
    private long insert(JobDao target, String queue, String payload, EnqueueOptions options,
                        Consumer<Runnable> whenVisible) {
        Checks.name("queue", queue, MAX_QUEUE_NAME);
        Checks.payload(payload, MAX_PAYLOAD_BYTES);
        Objects.requireNonNull(options, "options");
        Instant now = clock.instant();
        long id = target.insert(queue, payload, options.maxAttempts(), DbTime.of(now.plus(options.delay())),
                DbTime.of(now));
        if (options.delay().isZero()) {
            whenVisible.accept(() -> enqueueListeners.notify(queue));
        }
        return id;
    }

    /**
     * Claims up to {@code max} due jobs of one queue for a worker: READY jobs whose time has come,
     * and RUNNING jobs whose lease has expired. Each claimed job becomes RUNNING, leased to
     * {@code workerId} until now + {@code lease}, with its attempt count raised by one. Concurrent
     * claimers, in this process or another, never receive the same job while its lease lasts.
     *
     * <p>A lease that expired on the job's last attempt counts as that attempt failing: the job goes
     * DEAD instead of running again, so a job that crashes or hangs its worker every time cannot
     * be retried forever.
     *
     * @param queue    the queue
     * @param workerId the claiming worker, 1 to {@value #MAX_WORKER_ID} characters, unique among
     *                 the workers sharing the database
     * @param max      the most jobs to claim, at least 1
     * @param lease    how long the worker may take; past it the job is handed to another worker
     * @return the claimed jobs, oldest due first; empty when nothing is due
     */
    public List<ClaimedJob> claim(String queue, String workerId, int max, Duration lease) {
        Checks.name("queue", queue, MAX_QUEUE_NAME);
        Checks.name("workerId", workerId, MAX_WORKER_ID);
        Checks.atLeastOne("max", max);
        Checks.positive("lease", lease);
        Instant now = clock.instant();
        LocalDateTime leaseUntil = DbTime.of(now.plus(lease));
        return Deadlocks.retrying(() -> claimer.claim(queue, workerId, max, DbTime.of(now), leaseUntil));
    }

    /**
     * Records that a run succeeded: the job becomes DONE.
     *
     * @param job the run, as claimed
     * @throws LeaseLostException if the job is no longer this run's (lease expired and reclaimed,
     *                            or cancelled); nothing is changed then
     */
    public void complete(ClaimedJob job) {
        LocalDateTime now = DbTime.of(clock.instant());
        if (Deadlocks.retrying(() -> dao.complete(job.id(), job.workerId(), job.attempt(), lease(job), now)) == 0) {
            throw new LeaseLostException(job);
        }
    }

    /**
     * Records that a run failed, as {@link #fail(ClaimedJob, String)} does.
     *
     * @param job   the run, as claimed
     * @param error what went wrong; its type, message, origin and causes are kept
     * @return {@link JobState#READY} or {@link JobState#DEAD}
     * @throws LeaseLostException if the job is no longer this run's
     */
    public JobState fail(ClaimedJob job, Throwable error) {
        return fail(job, JobErrors.describe(error));
    }

    /**
     * Records that a run failed. The job goes back to READY, due after the retry policy's back-off,
     * or to DEAD if this was its last attempt.
     *
     * @param job   the run, as claimed
     * @param error what went wrong, for admins (cut to 2000 characters)
     * @return {@link JobState#READY} or {@link JobState#DEAD}
     * @throws LeaseLostException if the job is no longer this run's; nothing is changed then
     */
    public JobState fail(ClaimedJob job, String error) {
        String text = JobErrors.truncate(Objects.requireNonNull(error, "error"));
        Instant now = clock.instant();
        int updated;
        JobState next;
        if (job.lastAttempt()) {
            updated = Deadlocks.retrying(() -> dao.bury(job.id(), job.workerId(), job.attempt(), lease(job),
                    DbTime.of(now), text));
            next = JobState.DEAD;
        } else {
            Duration wait = retryPolicy.delay(job.attempt(), ThreadLocalRandom.current());
            updated = Deadlocks.retrying(() -> dao.retry(job.id(), job.workerId(), job.attempt(), lease(job),
                    DbTime.of(now.plus(wait)), text));
            next = JobState.READY;
        }
        if (updated == 0) {
            throw new LeaseLostException(job);
        }
        return next;
    }

    /**
     * Cancels a job that is READY, RUNNING or DEAD. A running handler is not interrupted, but its
     * outcome will be refused.
     *
     * @param id the job
     * @return true if the job was cancelled; false if it does not exist or had already finished
     */
    public boolean cancel(long id) {
        return dao.cancel(id, DbTime.of(clock.instant())) == 1;
    }

    /**
     * Looks a job up.
     *
     * @param id the job
     * @return the job, if it exists
     */
    public Optional<JobView> find(long id) {
        return dao.find(id);
    }

    /**
     * The dead-letter list: jobs that used up their attempts, most recently dead first, all queues.
     *
     * @param limit the most to return, at least 1
     * @return the dead jobs
     */
    public List<JobView> dead(int limit) {
        return dao.dead(Checks.atLeastOne("limit", limit));
    }

    /**
     * Gives a DEAD job a fresh set of attempts, due now. Its last error is kept until it next fails.
     *
     * @param id the job
     * @return true if the job was DEAD and is READY now
     */
    public boolean retryDead(long id) {
        if (dao.retryDead(id, DbTime.of(clock.instant())) == 0) {
            return false;
        }
        find(id).ifPresent(job -> enqueueListeners.notify(job.queue()));
        return true;
    }

    /**
     * How many jobs of a queue are in each state.
     *
     * @param queue the queue
     * @return a count for every {@link JobState} name, zero included, in the enum's order
     */
    public Map<String, Long> counts(String queue) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JobState state : JobState.values()) {
            counts.put(state.name(), 0L);
        }
        counts.putAll(dao.counts(queue));
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Deletes DONE and CANCELLED jobs that finished more than {@code age} ago, in small batches.
     * DEAD jobs are kept for admins.
     *
     * @param age how long finished jobs are kept
     * @return how many were deleted
     */
    public int purgeFinished(Duration age) {
        LocalDateTime before = DbTime.of(clock.instant().minus(age));
        int total = 0;
        int deleted;
        do {
            deleted = dao.purge(before, PURGE_BATCH);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private static LocalDateTime lease(ClaimedJob job) {
        return DbTime.of(job.leaseUntil());
    }
}
