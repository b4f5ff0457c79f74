package org.atelier.server.jobs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the jobs of one or more queues: a poller claims due jobs and each runs on its own virtual
 * thread, at most {@code concurrency} at a time across all of the worker's queues. A handler that
 * returns completes its job; one that throws fails it (retried with back-off, DEAD after the last
 * attempt).
 *
 * <pre>{@code
 * JobWorker worker = JobWorker.builder(queue, "node-1")
 *         .handler("deliver", job -> deliver(job.payload()))
 *         .concurrency(8)
 *         .build();
 * worker.start();
 * ...
 * worker.close();
 * }</pre>
 *
 * <p>The poller claims only as many jobs as there are free slots, so unclaimed work stays
 * available to other workers and other nodes. When nothing is due it sleeps for the poll interval,
 * or less when a job is enqueued for one of its queues through the same {@link JobQueue} in this
 * process; jobs enqueued by other nodes are seen at the next poll. Leases are not extended: the
 * lease must be longer than the slowest handler, or a slow run is handed to another worker and its
 * outcome refused ({@link LeaseLostException}).
 *
 * <p>{@link #close()} stops claiming, waits up to the shutdown timeout for running handlers, then
 * interrupts them; an interrupted handler that throws fails its attempt as usual. Jobs whose
 * outcome cannot be recorded (database down) stay RUNNING until their lease expires and are then
 * claimed again.
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread; the worker
 * is started at most once.
 */
public final class JobWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobWorker.class.getName());

    private final JobQueue queue;
    private final String workerId;
    private final Map<String, JobHandler> handlers;
    private final List<String> queueNames;
    private final Duration pollInterval;
    private final Duration lease;
    private final Duration shutdownTimeout;
    private final ExecutorService runners;
    private final Thread poller;
    private final Consumer<String> wakeOnEnqueue;
    private final PollGate gate;

    private JobWorker(Builder builder) {
        this.queue = builder.queue;
        this.workerId = builder.workerId;
        this.handlers = Map.copyOf(builder.handlers);
        this.queueNames = List.copyOf(builder.handlers.keySet());
        this.pollInterval = builder.pollInterval;
        this.lease = builder.lease;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.gate = new PollGate(builder.concurrency);
        this.runners = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("job-" + workerId + "-", 1).factory());
        this.poller = Thread.ofVirtual().name("job-poller-" + workerId).unstarted(this::pollLoop);
        this.wakeOnEnqueue = name -> {
            if (handlers.containsKey(name)) {
                gate.wake();
            }
        };
    }

    /**
     * Starts building a worker.
     *
     * @param queue    the queue to claim from
     * @param workerId this worker's id, unique among all workers sharing the database (for example
     *                 host name plus a per-process suffix); at most {@value JobQueue#MAX_WORKER_ID} characters
     * @return a builder
     */
    public static Builder builder(JobQueue queue, String workerId) {
        return new Builder(queue, workerId);
    }

    /**
     * This worker's id, as written to {@code jobs.locked_by}.
     *
     * @return the id
     */
    public String workerId() {
        return workerId;
    }

    /**
     * Starts polling.
     *
     * @throws IllegalStateException if the worker was started or closed before
     */
    public void start() {
        if (!gate.start()) {
            throw new IllegalStateException("worker " + workerId + " can be started only once");
        }
        queue.enqueueListeners.add(wakeOnEnqueue);
        poller.start();
    }

    /**
     * Stops claiming, waits up to the shutdown timeout for running jobs, then interrupts those still
     * running and waits briefly for them to record their outcome. Idempotent.
     */
    @Override
    public void close() {
        if (!gate.stop()) {
            return;
        }
        queue.enqueueListeners.remove(wakeOnEnqueue);
        try {
            if (gate.started() && !poller.join(shutdownTimeout)) {
                LOG.log(System.Logger.Level.WARNING, "job poller {0} did not stop in {1}", workerId, shutdownTimeout);
            }
            runners.shutdown();
            if (!runners.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "interrupting jobs of {0} still running after {1}",
                        workerId, shutdownTimeout);
                runners.shutdownNow();
                runners.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            runners.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void pollLoop() {
        int next = 0;
        while (true) {
            int slots = gate.reserveFreeSlots();
            if (slots == 0) {
                return; // stopping
            }
            int claimed = 0;
            // Rotate the starting queue so that a busy queue cannot starve the others.
            for (int i = 0; i < queueNames.size() && claimed < slots; i++) {
                String name = queueNames.get((next + i) % queueNames.size());
                claimed += claimAndRun(name, slots - claimed);
            }
            next = (next + 1) % queueNames.size();
            int unused = slots - claimed;
            if (unused > 0) {
                gate.release(unused);
            }
            if (claimed == 0 && !gate.awaitTickOrWake(pollInterval)) {
                return;
            }
            // Having claimed something, poll again at once: more may be due.
        }
    }

    /** Claims up to {@code max} jobs of one queue and hands each to a runner; returns how many ran. */
    private int claimAndRun(String name, int max) {
        List<ClaimedJob> jobs;
        try {
            jobs = queue.claim(name, workerId, max, lease);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "claiming from queue " + name + " failed; trying again next poll", e);
            return 0;
        }
        JobHandler handler = handlers.get(name);
        int started = 0;
        for (ClaimedJob job : jobs) {
            try {
                runners.execute(new JobRun(queue, handler, job, () -> gate.release(1)));
                started++;
            } catch (RejectedExecutionException e) {
                // close() gave up waiting for this poller; the lease expires and another worker runs it.
                LOG.log(System.Logger.Level.WARNING, "worker {0} closed; job {1} is left to its lease", workerId,
                        job.id());
            }
        }
        return started;
    }

    /** Configures a {@link JobWorker}. Not thread-safe; use from one thread. */
    public static final class Builder {
        private final JobQueue queue;
        private final String workerId;
        private final Map<String, JobHandler> handlers = new LinkedHashMap<>();
        private int concurrency = 4;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration lease = Duration.ofMinutes(5);
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private Builder(JobQueue queue, String workerId) {
            this.queue = Objects.requireNonNull(queue, "queue");
            this.workerId = Checks.name("workerId", workerId, JobQueue.MAX_WORKER_ID);
        }

        /**
         * Handles the jobs of a queue. A worker serves every queue it has a handler for.
         *
         * @param queueName the queue
         * @param handler   what runs each job
         * @return this builder
         */
        public Builder handler(String queueName, JobHandler handler) {
            handlers.put(Checks.name("queue", queueName, JobQueue.MAX_QUEUE_NAME),
                    Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * The most jobs running at once, over all queues. Default 4.
         *
         * @param concurrency at least 1
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            this.concurrency = Checks.atLeastOne("concurrency", concurrency);
            return this;
        }

        /**
         * How long the poller sleeps when nothing was due. Default 1 second.
         *
         * @param pollInterval positive
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Checks.positive("pollInterval", pollInterval);
            return this;
        }

        /**
         * How long a claimed job is reserved for this worker; must exceed the slowest handler.
         * Default 5 minutes.
         *
         * @param lease positive
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = Checks.positive("lease", lease);
            return this;
        }

        /**
         * How long {@link JobWorker#close()} waits for running jobs before interrupting them.
         * Default 30 seconds.
         *
         * @param shutdownTimeout positive
         * @return this builder
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = Checks.positive("shutdownTimeout", shutdownTimeout);
            return this;
        }

        /**
         * Builds the worker, not yet started.
         *
         * @return the worker
         * @throws IllegalStateException without any handler
         */
        public JobWorker build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("a worker needs a handler for at least one queue");
            }
            return new JobWorker(this);
        }
    }
}
