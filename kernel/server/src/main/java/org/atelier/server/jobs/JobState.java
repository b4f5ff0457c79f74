package org.atelier.server.jobs;

/**
 * Where a job is in its life. Stored by name in {@code jobs.state}.
 *
 * <pre>
 *   READY ──claim──▶ RUNNING ──complete──▶ DONE
 *     ▲                 │
 *     └──fail (retry)───┤──fail (last attempt)──▶ DEAD ──retryDead──▶ READY
 *   READY / RUNNING / DEAD ──cancel──▶ CANCELLED
 * </pre>
 *
 * A RUNNING job whose lease has expired (its worker crashed or stalled) is claimable again, unless
 * that was its last attempt: then the next claim on its queue sends it to DEAD.
 */
public enum JobState {
    /** Waiting for its {@code run_at}; claimable once that time has come. */
    READY,
    /** Claimed by a worker that holds a lease on it until {@code locked_until}. */
    RUNNING,
    /** Finished successfully. */
    DONE,
    /** Failed on its last allowed attempt; kept for admins to inspect, retry or cancel. */
    DEAD,
    /** Withdrawn by an admin or by the code that enqueued it. */
    CANCELLED
}
