package org.atelier.server.jobs;

import java.time.Instant;
import org.atelier.server.store.Database;
import org.atelier.testrig.TestDatabase;

/** A fresh, migrated database with a queue on a controllable clock; close() drops it all. */
final class JobsFixture implements AutoCloseable {
    /** An instant with milliseconds, so that truncation bugs would show. */
    static final Instant START = Instant.parse("2031-03-30T01:30:00.123Z");

    final TestDatabase testDatabase;
    final Database database;
    final MutableClock clock;
    final JobQueue queue;

    private JobsFixture(TestDatabase testDatabase, Database database, RetryPolicy retryPolicy) {
        this.testDatabase = testDatabase;
        this.database = database;
        this.clock = new MutableClock(START);
        this.queue = new JobQueue(database, clock, retryPolicy);
    }

    static JobsFixture open(TestDatabase.Kind kind) {
        return open(kind, RetryPolicy.DEFAULT);
    }

    static JobsFixture open(TestDatabase.Kind kind, RetryPolicy retryPolicy) {
        TestDatabase testDatabase = TestDatabase.create(kind);
        try {
            Database database = Database.open(testDatabase.url(), testDatabase.user(), testDatabase.password(), 8);
            return new JobsFixture(testDatabase, database, retryPolicy);
        } catch (RuntimeException e) {
            testDatabase.close();
            throw e;
        }
    }

    JobView job(long id) {
        return queue.find(id).orElseThrow(() -> new AssertionError("no job " + id));
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            testDatabase.close();
        }
    }
}
