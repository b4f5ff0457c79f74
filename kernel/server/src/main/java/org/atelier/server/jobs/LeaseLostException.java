package org.atelier.server.jobs;

/**
 * Thrown when a worker reports on a run it no longer owns: its lease expired and the job was
 * claimed again (by another worker or by this one), or the job was cancelled meanwhile.
 *
 * <p>The report is dropped so that a late worker can never overwrite the outcome of the run that
 * replaced it. Handlers must therefore be idempotent: the work may already have had effects.
 */
public final class LeaseLostException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param job the run that lost its lease
     */
    public LeaseLostException(ClaimedJob job) {
        super("job " + job.id() + " attempt " + job.attempt() + " is no longer leased to " + job.workerId());
    }
}
