package org.atelier.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A single worker against a real database: running, failing, waking, limiting and stopping. */
class JobWorkerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAST_POLL = Duration.ofMillis(20);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void runsJobsOfEveryQueueItServes(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(f.queue.enqueue(i % 2 == 0 ? "deliver" : "fetch", "job-" + i));
            }
            long unserved = f.queue.enqueue("cloak", "nobody handles this");
            try (JobWorker worker = JobWorker.builder(f.queue, "w1").pollInterval(FAST_POLL)
                    .handler("deliver", job -> seen.add(job.queue() + ":" + job.payload()))
                    .handler("fetch", job -> seen.add(job.queue() + ":" + job.payload()))
                    .build()) {
                worker.start();
                Await.until(WAIT, () -> ids.stream().allMatch(id -> f.job(id).state() == JobState.DONE),
                        () -> "all jobs DONE, seen " + seen);
            }
            assertEquals(10, seen.size());
            assertTrue(seen.contains("fetch:job-9"));
            assertEquals(JobState.READY, f.job(unserved).state());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void throwingHandlerIsRetriedAfterItsBackOffUntilTheJobIsDead(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            AtomicInteger runs = new AtomicInteger();
            long id = f.queue.enqueue("q", "{}", EnqueueOptions.defaults().withMaxAttempts(2));
            try (JobWorker worker = JobWorker.builder(f.queue, "w1").pollInterval(FAST_POLL)
                    .handler("q", job -> {
                        runs.incrementAndGet();
                        throw new IllegalStateException("peer refused attempt " + job.attempt());
                    })
                    .build()) {
                worker.start();
                Await.until(WAIT, () -> f.job(id).attempts() == 1 && f.job(id).state() == JobState.READY,
                        () -> "first attempt failed, job is " + f.job(id));
                assertTrue(f.job(id).lastError().orElseThrow().contains("peer refused attempt 1"));
                assertEquals(1, runs.get(), "nothing runs before the back-off has passed");

                f.clock.advance(RetryPolicy.DEFAULT.nominalDelay(1));
                Await.until(WAIT, () -> f.job(id).state() == JobState.DEAD, () -> "job DEAD, is " + f.job(id));
            }
            assertEquals(2, runs.get());
            assertTrue(f.job(id).lastError().orElseThrow().contains("peer refused attempt 2"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void enqueueInTheSameProcessWakesAnIdleWorker(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            CountDownLatch ran = new CountDownLatch(1);
            try (JobWorker worker = JobWorker.builder(f.queue, "w1").pollInterval(Duration.ofHours(1))
                    .handler("q", job -> ran.countDown())
                    .build()) {
                worker.start();
                long id = f.queue.enqueue("q", "{}");
                Await.until(WAIT, () -> f.job(id).state() == JobState.DONE,
                        () -> "the worker woke up although its next poll is an hour away");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void neverRunsMoreJobsAtOnceThanItsConcurrency(TestDatabase.Kind kind) throws Exception {
        try (JobsFixture f = JobsFixture.open(kind)) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 10; i++) {
                f.queue.enqueue("q", "{}");
            }
            try (JobWorker worker = JobWorker.builder(f.queue, "w1").pollInterval(FAST_POLL).concurrency(3)
                    .handler("q", job -> {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            release.await();
                        } finally {
                            running.decrementAndGet();
                        }
                    })
                    .build()) {
                worker.start();
                Await.until(WAIT, () -> running.get() == 3, () -> "3 jobs running, " + running.get() + " are");
                Thread.sleep(FAST_POLL.multipliedBy(5).toMillis()); // several polls while every slot is busy
                assertEquals(3L, f.queue.counts("q").get("RUNNING"), "no job claimed without a free slot");
                release.countDown();
                Await.until(WAIT, () -> f.queue.counts("q").get("DONE") == 10, () -> "all DONE");
            }
            assertEquals(3, peak.get());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closeLetsRunningJobsFinishAndThenStopsClaiming(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            CountDownLatch started = new CountDownLatch(1);
            long id = f.queue.enqueue("q", "{}");
            JobWorker worker = JobWorker.builder(f.queue, "w1").pollInterval(FAST_POLL)
                    .handler("q", job -> {
                        started.countDown();
                        Thread.sleep(200);
                    })
                    .build();
            worker.start();
            Await.until(WAIT, () -> started.getCount() == 0, () -> "the job started");
            worker.close();
            assertEquals(JobState.DONE, f.job(id).state(), "close() waited for the running job");

            long afterClose = f.queue.enqueue("q", "{}");
            worker.close(); // idempotent
            assertThrows(IllegalStateException.class, worker::start);
            assertEquals(JobState.READY, f.job(afterClose).state());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closeInterruptsJobsThatOutlastTheShutdownTimeout(TestDatabase.Kind kind) {
        try (JobsFixture f = JobsFixture.open(kind)) {
            CountDownLatch started = new CountDownLatch(1);
            long id = f.queue.enqueue("q", "{}");
            JobWorker worker = JobWorker.builder(f.queue, "w1").pollInterval(FAST_POLL)
                    .shutdownTimeout(Duration.ofMillis(100))
                    .handler("q", job -> {
                        started.countDown();
                        new CountDownLatch(1).await(); // hangs until interrupted
                    })
                    .build();
            worker.start();
            Await.until(WAIT, () -> started.getCount() == 0, () -> "the job started");
            worker.close();

            JobView job = f.job(id);
            assertEquals(JobState.READY, job.state(), "the interrupted attempt failed and will be retried");
            assertTrue(job.lastError().orElseThrow().contains("InterruptedException"), job.toString());
        }
    }
}
