package org.atelier.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The back-off arithmetic (no database). */
class RetryPolicyTest {

    @Test
    void defaultWaitsDoubleFromThirtySecondsUpToSixHours() {
        List<Duration> waits = IntStream.rangeClosed(1, 13).mapToObj(RetryPolicy.DEFAULT::nominalDelay).toList();
        assertEquals(List.of(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(64),
                Duration.ofMinutes(128), Duration.ofMinutes(256), Duration.ofHours(6), Duration.ofHours(6),
                Duration.ofHours(6)), waits);
        assertEquals(Duration.ofHours(6), RetryPolicy.DEFAULT.nominalDelay(Integer.MAX_VALUE));
    }

    @Test
    void retryWindowsAreWhatTheJavadocSays() {
        assertEquals(Duration.parse("PT14H31M30S"),
                RetryPolicy.DEFAULT.nominalWindow(EnqueueOptions.DEFAULT_MAX_ATTEMPTS));
        assertEquals(Duration.parse("PT50H31M30S"), RetryPolicy.DEFAULT.nominalWindow(18));
        assertTrue(RetryPolicy.DEFAULT.nominalWindow(18).compareTo(Duration.ofDays(2)) > 0);
        assertTrue(RetryPolicy.DEFAULT.nominalWindow(17).compareTo(Duration.ofDays(2)) < 0);
        assertEquals(Duration.ZERO, RetryPolicy.DEFAULT.nominalWindow(1));
    }

    @Test
    void jitterShortensByAtMostItsFraction() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(6), 0.25);
        assertEquals(Duration.ofMinutes(4), policy.delay(4, fixed(0.0)));
        assertEquals(Duration.ofMinutes(3), policy.delay(4, fixed(1.0)));
        assertEquals(Duration.ofMinutes(3).plusSeconds(30), policy.delay(4, fixed(0.5)));
        assertEquals(Duration.ofHours(6), policy.delay(20, fixed(0.0)), "the cap is never exceeded");
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofDays(400), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.nominalDelay(0));
        assertThrows(IllegalArgumentException.class, () -> EnqueueOptions.defaults().withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class,
                () -> EnqueueOptions.defaults().withDelay(Duration.ofSeconds(-1)));
    }

    /** A generator whose nextDouble() is always {@code value} (1.0 stands for "just below 1"). */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
