package org.atelier.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.atelier.server.store.Database;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two kernel "nodes" (separate connection pools, as separate processes would have) share one
 * database and one queue: every job runs exactly once and both nodes do some of the work.
 */
class JobWorkerConcurrencyTest {
    private static final int JOBS = 300;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoNodesRunEveryJobExactlyOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase testDatabase = TestDatabase.create(kind);
             Database nodeA = Database.open(testDatabase.url(), testDatabase.user(), testDatabase.password(), 6);
             Database nodeB = Database.open(testDatabase.url(), testDatabase.user(), testDatabase.password(), 6)) {
            execute(testDatabase,
                    "CREATE TABLE job_runs (job_id BIGINT NOT NULL PRIMARY KEY, worker VARCHAR(100) NOT NULL)");
            JobQueue queueA = new JobQueue(nodeA, Clock.systemUTC());
            JobQueue queueB = new JobQueue(nodeB, Clock.systemUTC());
            Map<Long, List<String>> runs = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            // Warnings from the queue (a failed claim, an outcome that could not be recorded, a
            // deadlock) are failures too: they would only show up later as a slow, leased-out job.
            Logger jobsLog = Logger.getLogger(JobQueue.class.getPackageName());
            Handler warnings = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                        failures.add(record.getLevel() + " " + record.getMessage() + " " + record.getThrown());
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            jobsLog.addHandler(warnings);

            // Half the jobs wait before the workers start, half arrive while they run (enqueue and
            // claim interleave), from both nodes.
            for (int i = 0; i < JOBS / 2; i++) {
                queueA.enqueue("deliver", "{\"n\":" + i + "}");
            }
            try (JobWorker workerA = worker(queueA, nodeA, "node-a", runs, failures);
                 JobWorker workerB = worker(queueB, nodeB, "node-b", runs, failures)) {
                workerA.start();
                workerB.start();
                for (int i = JOBS / 2; i < JOBS; i++) {
                    (i % 2 == 0 ? queueA : queueB).enqueue("deliver", "{\"n\":" + i + "}");
                }
                // A failure means a second run (or a broken handler): stop waiting for DONE at once.
                Await.until(Duration.ofSeconds(120),
                        () -> !failures.isEmpty() || queueA.counts("deliver").get("DONE") == JOBS,
                        () -> "all " + JOBS + " DONE; counts " + queueA.counts("deliver") + ", failures " + failures);
            }

            jobsLog.removeHandler(warnings);
            assertEquals(List.of(), failures);
            assertEquals(JOBS, runs.size());
            Map<Long, List<String>> repeated = runs.entrySet().stream().filter(e -> e.getValue().size() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of(), repeated, "jobs run more than once");
            assertEquals(JOBS, count(testDatabase, "SELECT COUNT(*) FROM job_runs"));
            assertEquals(JOBS, count(testDatabase, "SELECT COUNT(*) FROM jobs WHERE state = 'DONE' AND attempts = 1"),
                    "no job was claimed twice");

            Map<String, Long> perWorker = runs.values().stream()
                    .collect(Collectors.groupingBy(workers -> workers.get(0), Collectors.counting()));
            assertTrue(perWorker.getOrDefault("node-a", 0L) > 0 && perWorker.getOrDefault("node-b", 0L) > 0,
                    "both nodes did some of the work: " + perWorker);
        }
    }

    private static JobWorker worker(JobQueue queue, Database node, String workerId, Map<Long, List<String>> runs,
                                    List<String> failures) {
        return JobWorker.builder(queue, workerId)
                .concurrency(4)
                .pollInterval(Duration.ofMillis(10))
                .lease(Duration.ofMinutes(2))
                .handler("deliver", job -> {
                    runs.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>()).add(workerId);
                    try {
                        // The UNIQUE primary key turns a second run into an error the queue records.
                        node.jdbi().useHandle(h -> h.execute(
                                "INSERT INTO job_runs (job_id, worker) VALUES (?, ?)", job.id(), workerId));
                        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4)); // a little I/O
                    } catch (RuntimeException e) {
                        failures.add(workerId + " job " + job.id() + ": " + e);
                        throw e;
                    }
                })
                .build();
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
