package org.atelier.server.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as stored, for admin pages and diagnostics.
 *
 * @param id          the job's id
 * @param queue       its queue
 * @param payload     what it is about
 * @param state       where it is in its life
 * @param attempts    attempts started so far
 * @param maxAttempts attempts allowed
 * @param runAt       when it is (or was) due
 * @param lockedBy    the worker holding it, while RUNNING
 * @param lockedUntil when that worker's lease ends, while RUNNING
 * @param lastError   the error of the latest failed attempt, if any
 * @param createdAt   when it was enqueued
 * @param finishedAt  when it reached DONE, DEAD or CANCELLED
 */
public record JobView(long id, String queue, String payload, JobState state, int attempts, int maxAttempts,
                      Instant runAt, Optional<String> lockedBy, Optional<Instant> lockedUntil,
                      Optional<String> lastError, Instant createdAt, Optional<Instant> finishedAt) {

    /** Checks the components. */
    public JobView {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(lockedBy, "lockedBy");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
