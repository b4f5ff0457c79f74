package org.atelier.server.jobs;

/**
 * Does the work of one job. Returning normally completes the job; throwing fails this attempt,
 * which is retried with back-off until the job's attempts are used up.
 *
 * <p>A handler may run more than once for the same job (a worker that outlives its lease, a crash
 * after the work but before it was recorded), so it must be idempotent. It runs on a virtual
 * thread and may be interrupted when its worker shuts down.
 */
@FunctionalInterface
public interface JobHandler {
    /**
     * Runs the job.
     *
     * @param job the claimed job
     * @throws Exception to fail this attempt
     */
    void handle(ClaimedJob job) throws Exception;
}
