package org.atelier.server.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The sign-in rate limiter on a clock the test moves: five failures per username and twenty per
 * address within fifteen minutes, the window sliding, and a success clearing the username only.
 */
class LoginRateLimiterTest {

    /** A clock that stands still until moved. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginRateLimiter limiter = LoginRateLimiter.standard(clock);

    @Test
    void fiveFailuresForAUsernameBlockIt() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.allowed("alice", "10.0.0.1"), "attempt " + (i + 1));
            limiter.failed("alice", "10.0.0.1");
        }
        assertFalse(limiter.allowed("alice", "10.0.0.1"));
        assertFalse(limiter.allowed("alice", "10.0.0.2"), "the username is blocked from any address");
        assertFalse(limiter.allowed("ALICE", "10.0.0.2"), "the username is blocked in any case");
        assertTrue(limiter.allowed("bob", "10.0.0.1"), "other usernames from the same address still may");
    }

    @Test
    void twentyFailuresFromAnAddressBlockIt() {
        for (int i = 0; i < 20; i++) {
            assertTrue(limiter.allowed("user" + i, "10.0.0.1"));
            limiter.failed("user" + i, "10.0.0.1");
        }
        assertFalse(limiter.allowed("fresh", "10.0.0.1"));
        assertTrue(limiter.allowed("fresh", "10.0.0.2"));
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("alice", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertFalse(limiter.allowed("alice", "10.0.0.1"));
        clock.advance(Duration.ofMinutes(10)); // the first failure is now 15 minutes old
        assertTrue(limiter.allowed("alice", "10.0.0.1"));
        limiter.failed("alice", "10.0.0.1");
        assertFalse(limiter.allowed("alice", "10.0.0.1"));
    }

    @Test
    void acquiringCountsTheAttemptUntilItSucceeds() {
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.acquire("alice", "10.0.0.1"));
        }
        assertTrue(limiter.acquire("alice", "10.0.0.1"), "the fifth attempt may go ahead");
        assertFalse(limiter.acquire("alice", "10.0.0.1"), "while five are counted, no sixth");
        limiter.succeeded("alice", "10.0.0.1");
        assertTrue(limiter.acquire("alice", "10.0.0.1"), "a success clears the username");
        // the address kept the four failures and the new attempt, not the successful one
        for (int i = 0; i < 15; i++) {
            assertTrue(limiter.acquire("u" + i, "10.0.0.1"), "address attempt " + (i + 6));
        }
        assertFalse(limiter.acquire("fresh", "10.0.0.1"));
    }

    @Test
    void parallelAttemptsGetNoMoreTriesThanSequentialOnes() throws Exception {
        int threads = 32;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return limiter.acquire("alice", "10.0.0." + (results.size() % 200));
                }));
            }
            start.countDown();
            int granted = 0;
            for (java.util.concurrent.Future<Boolean> result : results) {
                granted += result.get() ? 1 : 0;
            }
            org.junit.jupiter.api.Assertions.assertEquals(5, granted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuccessClearsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("alice", "10.0.0.1");
        }
        limiter.succeeded("alice");
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.allowed("alice", "10.0.0.1"));
            limiter.failed("alice", "10.0.0.1");
        }
        for (int i = 0; i < 12; i++) {
            limiter.failed("other" + i, "10.0.0.1");
        }
        assertFalse(limiter.allowed("alice", "10.0.0.1"), "20 failures from the address, success or not");
    }
}
