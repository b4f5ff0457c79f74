package org.atelier.server.jobs;

/**
 * One claimed job on its virtual thread: runs the handler, records the outcome, frees the slot.
 * An outcome that cannot be recorded is logged and left to the lease: the job will run again.
 */
final class JobRun implements Runnable {
    private static final System.Logger LOG = System.getLogger(JobWorker.class.getName());

    private final JobQueue queue;
    private final JobHandler handler;
    private final ClaimedJob job;
    private final Runnable done;

    JobRun(JobQueue queue, JobHandler handler, ClaimedJob job, Runnable done) {
        this.queue = queue;
        this.handler = handler;
        this.job = job;
        this.done = done;
    }

    @Override
    public void run() {
        try {
            handler.handle(job);
            record(() -> queue.complete(job));
        } catch (Exception e) {
            record(() -> {
                JobState state = queue.fail(job, e);
                LOG.log(state == JobState.DEAD ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                        "job {0} ({1}) attempt {2} failed, now {3}: {4}", job.id(), job.queue(), job.attempt(),
                        state, e);
            });
        } catch (Error e) {
            // Record the failure (a StackOverflowError is the job's fault), then let the thread die loudly.
            record(() -> queue.fail(job, e));
            throw e;
        } finally {
            done.run();
        }
    }

    private void record(Runnable outcome) {
        try {
            outcome.run();
        } catch (LeaseLostException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; its outcome was dropped (lease until "
                    + job.leaseUntil() + ")");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not record the outcome of job " + job.id()
                    + "; it will run again after its lease expires", e);
        }
    }
}
