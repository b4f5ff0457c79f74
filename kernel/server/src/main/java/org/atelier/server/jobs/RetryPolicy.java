package org.atelier.server.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a failed job waits before its next attempt: exponential back-off from {@code base},
 * doubling after every failure, never more than {@code cap}, then shortened by a random fraction
 * of up to {@code jitter} so that jobs which failed together (a peer went down) do not all retry
 * in the same instant. Jitter only shortens, so {@code cap} is a true upper bound and
 * {@link #nominalWindow(int)} is the longest a job can keep retrying.
 *
 * <p>The {@link #DEFAULT} policy (30 s doubling, capped at 6 h, jitter 10 %) is tuned for
 * federation delivery, where the usual failure is a peer that is down for minutes or hours.
 * Waits after attempt 1, 2, … are 30 s, 1 min, 2, 4, 8, 16, 32, 64, 128, 256 min (4 h 16 min),
 * then 6 h for every later attempt (the doubling would reach 8 h 32 min). Hence:
 * <ul>
 *   <li>12 attempts ({@link EnqueueOptions#DEFAULT_MAX_ATTEMPTS}): the last attempt starts
 *       14 h 31 min 30 s after the first (8 h 31 min 30 s of doubling plus one 6 h wait);
 *       jitter brings that down to at least about 13 h 4 min;</li>
 *   <li>18 attempts: 50 h 31 min 30 s, just over two days (each attempt past the 11th adds 6 h).</li>
 * </ul>
 *
 * @param base   the wait after the first failure
 * @param cap    the longest wait
 * @param jitter the largest fraction a wait is randomly shortened by, in [0, 1)
 */
public record RetryPolicy(Duration base, Duration cap, double jitter) {

    // Keeps the doubling arithmetic far from Duration's overflow. Declared before DEFAULT, which
    // the constructor checks against it during class initialisation.
    private static final Duration LONGEST_CAP = Duration.ofDays(365);

    /** 30 seconds doubling, capped at 6 hours, jitter 10 %. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(6), 0.1);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException unless 0 &lt; base &le; cap &le; 365 days and 0 &le; jitter &lt; 1
     */
    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || cap.compareTo(LONGEST_CAP) > 0) {
            throw new IllegalArgumentException("need 0 < base <= cap <= 365 days, got base " + base + ", cap " + cap);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
    }

    /**
     * The wait after a failed attempt, before jitter: {@code base · 2^(attempt-1)}, at most {@code cap}.
     *
     * @param failedAttempt the attempt that failed, from 1
     * @return the wait
     */
    public Duration nominalDelay(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + failedAttempt);
        }
        Duration delay = base;
        for (int doublings = failedAttempt - 1; doublings > 0 && delay.compareTo(cap) < 0; doublings--) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /**
     * The wait after a failed attempt: {@link #nominalDelay(int)} shortened by a random fraction of
     * up to {@code jitter}.
     *
     * @param failedAttempt the attempt that failed, from 1
     * @param random        where the jitter comes from
     * @return the wait, in (nominal · (1 - jitter), nominal]
     */
    public Duration delay(int failedAttempt, RandomGenerator random) {
        Duration nominal = nominalDelay(failedAttempt);
        if (jitter == 0) {
            return nominal;
        }
        double keep = 1 - jitter * random.nextDouble();
        return Duration.ofNanos(Math.round(nominal.toNanos() * keep));
    }

    /**
     * How long after its first attempt a job's last attempt starts at the latest: the sum of the
     * nominal waits between {@code maxAttempts} attempts.
     *
     * @param maxAttempts attempts allowed
     * @return the retry window, before jitter
     */
    public Duration nominalWindow(int maxAttempts) {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(nominalDelay(attempt));
        }
        return total;
    }
}
