package org.atelier.server.jobs;

import static org.atelier.server.jobs.JobQueueTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failure, back-off, the dead-letter state and lease expiry, on H2 and MariaDB. */
class JobRetryTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final RetryPolicy NO_JITTER = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(6), 0);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failedJobIsRetriedAfterAnExponentialBackOff(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind, NO_JITTER)) {
            long id = f.queue.enqueue("deliver", "{}");

            ClaimedJob first = f.queue.claim("deliver", "w", 1, LEASE).get(0);
            Instant failedAt = f.clock.instant();
            assertEquals(JobState.READY, f.queue.fail(first, new IOException("peer.example answered 503")));
            JobView retrying = f.job(id);
            assertEquals(JobState.READY, retrying.state());
            assertEquals(failedAt.plusSeconds(30), retrying.runAt());
            assertEquals(1, retrying.attempts());
            assertEquals(Optional.empty(), retrying.lockedBy());
            String error = retrying.lastError().orElseThrow();
            assertTrue(error.startsWith("java.io.IOException: peer.example answered 503\n  at "), error);

            f.clock.advance(Duration.ofSeconds(30).minusMillis(1));
            assertEquals(List.of(), f.queue.claim("deliver", "w", 1, LEASE), "not due before the back-off");
            f.clock.advance(Duration.ofMillis(1));
            ClaimedJob second = f.queue.claim("deliver", "w", 1, LEASE).get(0);
            assertEquals(2, second.attempt());

            f.queue.fail(second, "still down");
            assertEquals(f.clock.instant().plusSeconds(60), f.job(id).runAt(), "the wait doubles");
            assertEquals(Optional.of("still down"), f.job(id).lastError());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void jitterOnlyShortensTheWait(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long id = f.queue.enqueue("q", "{}");
            f.queue.fail(f.queue.claim("q", "w", 1, LEASE).get(0), "boom");
            Duration wait = Duration.between(f.clock.instant(), f.job(id).runAt());
            assertTrue(wait.compareTo(Duration.ofSeconds(27)) >= 0 && wait.compareTo(Duration.ofSeconds(30)) <= 0,
                    "default policy waits 27-30 s after the first failure, waited " + wait);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void jobGoesDeadAfterItsLastAttemptAndCanBeRetriedByAnAdmin(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind, NO_JITTER)) {
            long other = f.queue.enqueue("q", "fine");
            long id = f.queue.enqueue("q", "doomed", EnqueueOptions.defaults().withMaxAttempts(3));
            f.queue.complete(f.queue.claim("q", "w", 1, LEASE).get(0));

            JobState state = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                ClaimedJob job = f.queue.claim("q", "w", 1, LEASE).get(0);
                assertEquals(attempt, job.attempt());
                assertEquals(attempt == 3, job.lastAttempt());
                state = f.queue.fail(job, new IllegalStateException("bad payload " + attempt));
                f.clock.advance(NO_JITTER.nominalDelay(attempt));
            }
            assertEquals(JobState.DEAD, state);
            JobView dead = f.job(id);
            assertEquals(JobState.DEAD, dead.state());
            assertEquals(3, dead.attempts());
            assertTrue(dead.finishedAt().isPresent());
            assertTrue(dead.lastError().orElseThrow().contains("bad payload 3"));
            assertEquals(List.of(id), f.queue.dead(10).stream().map(JobView::id).toList());
            assertEquals(1L, f.queue.counts("q").get("DEAD"));
            f.clock.advance(Duration.ofDays(30));
            assertEquals(List.of(), f.queue.claim("q", "w", 5, LEASE), "dead jobs are never claimed");

            assertFalse(f.queue.retryDead(other), "only DEAD jobs can be retried");
            assertTrue(f.queue.retryDead(id));
            JobView revived = f.job(id);
            assertEquals(JobState.READY, revived.state());
            assertEquals(0, revived.attempts());
            assertEquals(f.clock.instant(), revived.runAt());
            assertEquals(Optional.empty(), revived.finishedAt());
            assertTrue(revived.lastError().orElseThrow().contains("bad payload 3"), "the admin still sees why");
            assertEquals(List.of(), f.queue.dead(10));
            assertEquals(1, f.queue.claim("q", "w", 1, LEASE).get(0).attempt());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void expiredLeaseIsReclaimedAndTheLateWorkerCannotReport(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long id = f.queue.enqueue("q", "{}");
            ClaimedJob stale = f.queue.claim("q", "crashed", 1, Duration.ofMinutes(1)).get(0);

            f.clock.advance(Duration.ofMinutes(1).plusMillis(1));
            ClaimedJob fresh = f.queue.claim("q", "rescuer", 1, LEASE).get(0);
            assertEquals(id, fresh.id());
            assertEquals(2, fresh.attempt());

            assertThrows(LeaseLostException.class, () -> f.queue.complete(stale));
            assertThrows(LeaseLostException.class, () -> f.queue.fail(stale, "late"));
            JobView running = f.job(id);
            assertEquals(JobState.RUNNING, running.state());
            assertEquals(Optional.of("rescuer"), running.lockedBy());
            assertEquals(Optional.empty(), running.lastError());

            f.queue.complete(fresh);
            assertEquals(JobState.DONE, f.job(id).state());
            assertThrows(LeaseLostException.class, () -> f.queue.complete(fresh), "reported once only");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theAttemptNumberFencesAWorkerThatReclaimedItsOwnJob(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long id = f.queue.enqueue("q", "{}");
            ClaimedJob firstRun = f.queue.claim("q", "w", 1, Duration.ofSeconds(10)).get(0);
            f.clock.advance(Duration.ofSeconds(11));
            ClaimedJob secondRun = f.queue.claim("q", "w", 1, Duration.ofSeconds(10)).get(0);
            assertEquals(id, secondRun.id());

            assertThrows(LeaseLostException.class, () -> f.queue.complete(firstRun));
            assertThrows(LeaseLostException.class, () -> f.queue.fail(firstRun, "old run"));
            assertEquals(JobState.RUNNING, f.job(id).state());
            f.queue.complete(secondRun);
            assertEquals(JobState.DONE, f.job(id).state());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void leaseExpiringOnTheLastAttemptSendsTheJobToDead(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long id = f.queue.enqueue("cloak", "{}", EnqueueOptions.defaults().withMaxAttempts(1));
            ClaimedJob crashed = f.queue.claim("cloak", "w", 1, Duration.ofMinutes(1)).get(0);
            f.clock.advance(Duration.ofMinutes(1).plusMillis(1));

            assertEquals(List.of(), f.queue.claim("cloak", "w", 5, LEASE), "a poison pill is not run again");
            JobView dead = f.job(id);
            assertEquals(JobState.DEAD, dead.state());
            assertEquals(Optional.empty(), dead.lockedBy());
            assertEquals(Optional.of(f.clock.instant()), dead.finishedAt());
            assertTrue(dead.lastError().orElseThrow().contains("lease of worker w expired"), dead.toString());

            // After an admin retry the same worker runs it again; the crashed run still cannot report.
            assertTrue(f.queue.retryDead(id));
            ClaimedJob again = f.queue.claim("cloak", "w", 1, LEASE).get(0);
            assertEquals(1, again.attempt());
            assertThrows(LeaseLostException.class, () -> f.queue.fail(crashed, "late"));
            assertThrows(LeaseLostException.class, () -> f.queue.complete(crashed));
            f.queue.complete(again);
            assertEquals(JobState.DONE, f.job(id).state());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void expiredLeasesAreClaimedBeforeNewJobs(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long abandoned = f.queue.enqueue("q", "abandoned");
            f.queue.claim("q", "crashed", 1, Duration.ofMinutes(1));
            f.clock.advance(Duration.ofMinutes(2));
            long fresh = f.queue.enqueue("q", "fresh");

            assertEquals(List.of(abandoned), ids(f.queue.claim("q", "w", 1, LEASE)));
            assertEquals(List.of(fresh), ids(f.queue.claim("q", "w", 1, LEASE)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void longErrorsAreCutToTheColumn(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long id = f.queue.enqueue("q", "{}");
            f.queue.fail(f.queue.claim("q", "w", 1, LEASE).get(0), "é".repeat(1999) + "🎨🎨");
            String stored = f.job(id).lastError().orElseThrow();
            assertEquals(1999, stored.length(), "cut before the split surrogate pair");
        }
    }
}
