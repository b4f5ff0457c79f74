package org.atelier.server.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a job, as handed to the worker that claimed it.
 *
 * <p>{@code workerId} and {@code attempt} together identify the run: {@link JobQueue#complete} and
 * {@link JobQueue#fail} only take effect while the job is still RUNNING under exactly this pair,
 * so a worker whose lease expired cannot record the outcome of someone else's run.
 *
 * @param id          the job's id
 * @param queue       the queue it was claimed from
 * @param payload     what the job is about, as enqueued
 * @param attempt     which attempt this is, from 1
 * @param maxAttempts how many attempts the job is allowed
 * @param workerId    the worker holding the lease
 * @param leaseUntil  when the lease expires and the job becomes claimable again
 * @param createdAt   when the job was enqueued
 */
public record ClaimedJob(long id, String queue, String payload, int attempt, int maxAttempts,
                         String workerId, Instant leaseUntil, Instant createdAt) {

    /** Checks the components. */
    public ClaimedJob {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Whether a failure of this run would be the last one, sending the job to {@link JobState#DEAD}.
     *
     * @return true on the last allowed attempt
     */
    public boolean lastAttempt() {
        return attempt >= maxAttempts;
    }
}
