package org.atelier.server.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How a job is enqueued: how long to wait before its first run and how many attempts it gets.
 *
 * <pre>{@code
 * queue.enqueue("deliver", payload, EnqueueOptions.defaults().withMaxAttempts(18));
 * }</pre>
 *
 * @param delay       how long after enqueueing the first attempt may start; zero for now
 * @param maxAttempts how many attempts (the first run included) before the job goes DEAD
 */
public record EnqueueOptions(Duration delay, int maxAttempts) {

    /**
     * Attempts a job gets unless told otherwise. With {@link RetryPolicy#DEFAULT} the last attempt
     * starts about 14.5 hours after the first (see {@link RetryPolicy} for the arithmetic).
     */
    public static final int DEFAULT_MAX_ATTEMPTS = 12;

    private static final EnqueueOptions DEFAULTS = new EnqueueOptions(Duration.ZERO, DEFAULT_MAX_ATTEMPTS);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException for a negative delay or fewer than one attempt
     */
    public EnqueueOptions {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /**
     * Run as soon as possible, with {@value #DEFAULT_MAX_ATTEMPTS} attempts.
     *
     * @return the default options
     */
    public static EnqueueOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with another delay before the first run.
     *
     * @param delay how long to wait; zero for now
     * @return new options
     */
    public EnqueueOptions withDelay(Duration delay) {
        return new EnqueueOptions(delay, maxAttempts);
    }

    /**
     * These options with another number of attempts.
     *
     * @param maxAttempts attempts allowed, at least 1
     * @return new options
     */
    public EnqueueOptions withMaxAttempts(int maxAttempts) {
        return new EnqueueOptions(delay, maxAttempts);
    }
}
