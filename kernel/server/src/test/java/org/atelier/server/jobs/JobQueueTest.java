package org.atelier.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Enqueue, claim, complete, cancel and the admin views, on H2 and MariaDB. */
class JobQueueTest {
    private static final Duration LEASE = Duration.ofMinutes(5);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void enqueuedJobIsClaimedThenCompleted(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long id = f.queue.enqueue("deliver", "{\"to\":\"https://peer.example/inbox\"}");

            JobView ready = f.job(id);
            assertEquals(JobState.READY, ready.state());
            assertEquals(0, ready.attempts());
            assertEquals(EnqueueOptions.DEFAULT_MAX_ATTEMPTS, ready.maxAttempts());
            assertEquals(JobsFixture.START, ready.runAt());
            assertEquals(JobsFixture.START, ready.createdAt());

            List<ClaimedJob> claimed = f.queue.claim("deliver", "w1", 10, LEASE);
            assertEquals(1, claimed.size());
            ClaimedJob job = claimed.get(0);
            assertEquals(id, job.id());
            assertEquals("{\"to\":\"https://peer.example/inbox\"}", job.payload());
            assertEquals(1, job.attempt());
            assertEquals("w1", job.workerId());
            assertEquals(JobsFixture.START.plus(LEASE), job.leaseUntil());

            JobView running = f.job(id);
            assertEquals(JobState.RUNNING, running.state());
            assertEquals(Optional.of("w1"), running.lockedBy());
            assertEquals(Optional.of(JobsFixture.START.plus(LEASE)), running.lockedUntil());

            f.clock.advance(Duration.ofSeconds(2));
            f.queue.complete(job);
            JobView done = f.job(id);
            assertEquals(JobState.DONE, done.state());
            assertEquals(Optional.of(JobsFixture.START.plusSeconds(2)), done.finishedAt());
            assertEquals(Optional.empty(), done.lockedBy());
            assertEquals(List.of(), f.queue.claim("deliver", "w1", 10, LEASE));
            assertEquals(1L, f.queue.counts("deliver").get("DONE"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aJobEnqueuedInATransactionExistsOnlyIfItCommits(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            List<String> woken = new java.util.concurrent.CopyOnWriteArrayList<>();
            f.queue.enqueueListeners.add(woken::add);
            f.database.jdbi().useTransaction(h -> {
                f.queue.enqueue(h, "q", "kept", EnqueueOptions.defaults());
                assertEquals(List.of(), woken, "workers are woken only once the job can be seen");
            });
            assertEquals(List.of("q"), woken);
            assertThrows(IllegalStateException.class, () -> f.database.jdbi().useTransaction(h -> {
                f.queue.enqueue(h, "q", "dropped", EnqueueOptions.defaults());
                throw new IllegalStateException("the caller's write failed");
            }));
            assertEquals(List.of("q"), woken);
            List<ClaimedJob> claimed = f.queue.claim("q", "w1", 10, LEASE);
            assertEquals(List.of("kept"), claimed.stream().map(ClaimedJob::payload).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void leasedJobIsNotClaimedAgainUntilTheLeaseHasPassed(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long first = f.queue.enqueue("q", "1");
            long second = f.queue.enqueue("q", "2");
            long third = f.queue.enqueue("q", "3");

            assertEquals(List.of(first, second), ids(f.queue.claim("q", "w1", 2, LEASE)));
            assertEquals(List.of(third), ids(f.queue.claim("q", "w2", 5, LEASE)));

            f.clock.advance(LEASE); // locked_until == now: the lease still holds
            assertEquals(List.of(), f.queue.claim("q", "w3", 5, LEASE));
            f.clock.advance(Duration.ofMillis(1));
            assertEquals(List.of(first, second, third), ids(f.queue.claim("q", "w3", 5, LEASE)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void delayedJobWaitsForItsTimeAndJobsComeOldestDueFirst(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long later = f.queue.enqueue("q", "later", EnqueueOptions.defaults().withDelay(Duration.ofMinutes(10)));
            long soon = f.queue.enqueue("q", "soon", EnqueueOptions.defaults().withDelay(Duration.ofMinutes(1)));

            assertEquals(List.of(), f.queue.claim("q", "w", 5, LEASE));
            f.clock.advance(Duration.ofMinutes(10));
            assertEquals(List.of(soon, later), ids(f.queue.claim("q", "w", 5, LEASE)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void queuesAreSeparate(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long deliver = f.queue.enqueue("deliver", "a");
            long fetch = f.queue.enqueue("fetch", "b");

            assertEquals(List.of(fetch), ids(f.queue.claim("fetch", "w", 5, LEASE)));
            assertEquals(List.of(deliver), ids(f.queue.claim("deliver", "w", 5, LEASE)));
            assertEquals(Map.of("READY", 0L, "RUNNING", 1L, "DONE", 0L, "DEAD", 0L, "CANCELLED", 0L),
                    f.queue.counts("fetch"));
            assertEquals(List.of("READY", "RUNNING", "DONE", "DEAD", "CANCELLED"),
                    List.copyOf(f.queue.counts("nothing-here").keySet()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void cancelledJobsAreNotRunAndTheirWorkersCannotReport(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long waiting = f.queue.enqueue("q", "waiting", EnqueueOptions.defaults().withDelay(Duration.ofMinutes(1)));
            long running = f.queue.enqueue("q", "running");
            ClaimedJob job = f.queue.claim("q", "w", 5, LEASE).get(0);

            assertTrue(f.queue.cancel(waiting));
            assertTrue(f.queue.cancel(running));
            assertFalse(f.queue.cancel(waiting), "already cancelled");
            assertFalse(f.queue.cancel(987_654L), "no such job");

            assertThrows(LeaseLostException.class, () -> f.queue.complete(job));
            assertEquals(JobState.CANCELLED, f.job(running).state());
            assertEquals(JobState.CANCELLED, f.job(waiting).state());
            assertEquals(Optional.of(JobsFixture.START), f.job(waiting).finishedAt());
            f.clock.advance(Duration.ofHours(1));
            assertEquals(List.of(), f.queue.claim("q", "w", 5, LEASE));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void payloadsUpToTheLimitRoundTripAndLargerOnesAreRefused(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            String emoji = "🎨 Ünïcødé";
            long small = f.queue.enqueue("q", emoji);
            assertEquals(emoji, f.job(small).payload());

            String largest = "x".repeat(JobQueue.MAX_PAYLOAD_BYTES);
            long big = f.queue.enqueue("q", largest);
            assertEquals(largest, f.job(big).payload());

            IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                    () -> f.queue.enqueue("q", "é".repeat(JobQueue.MAX_PAYLOAD_BYTES / 2 + 1)));
            assertTrue(tooBig.getMessage().contains("65536 bytes"), tooBig.getMessage());
            assertThrows(IllegalArgumentException.class, () -> f.queue.enqueue("q".repeat(65), "{}"));
            assertThrows(IllegalArgumentException.class, () -> f.queue.enqueue(" ", "{}"));
            assertThrows(IllegalArgumentException.class, () -> f.queue.claim("q", "w", 0, LEASE));
            assertThrows(IllegalArgumentException.class, () -> f.queue.claim("q", "w", 1, Duration.ZERO));
            assertEquals(2L, f.queue.counts("q").get("READY"), "refused jobs leave no rows");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void purgeDeletesOldFinishedJobsAndKeepsTheRest(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            long done = f.queue.enqueue("q", "done");
            long cancelled = f.queue.enqueue("q", "cancelled");
            long dead = f.queue.enqueue("q", "dead", EnqueueOptions.defaults().withMaxAttempts(1));
            long ready = f.queue.enqueue("q", "ready", EnqueueOptions.defaults().withDelay(Duration.ofDays(30)));
            for (ClaimedJob job : f.queue.claim("q", "w", 10, LEASE)) {
                if (job.id() == done) {
                    f.queue.complete(job);
                } else if (job.id() == dead) {
                    assertEquals(JobState.DEAD, f.queue.fail(job, "gone"));
                }
            }
            f.queue.cancel(cancelled);

            f.clock.advance(Duration.ofDays(7));
            assertEquals(0, f.queue.purgeFinished(Duration.ofDays(7)), "exactly 7 days old is kept");
            f.clock.advance(Duration.ofMillis(1));
            assertEquals(2, f.queue.purgeFinished(Duration.ofDays(7)));

            assertEquals(Optional.empty(), f.queue.find(done));
            assertEquals(Optional.empty(), f.queue.find(cancelled));
            assertEquals(JobState.DEAD, f.job(dead).state());
            assertEquals(JobState.READY, f.job(ready).state());
        }
    }

    static List<Long> ids(List<ClaimedJob> jobs) {
        return jobs.stream().map(ClaimedJob::id).toList();
    }
}
