/**
 * Durable work: a job queue kept in the {@code jobs} table and the workers that run it.
 *
 * <p>Federation deliveries, cloaking and remote fetches are enqueued with
 * {@link org.atelier.server.jobs.JobQueue#enqueue} and run by a
 * {@link org.atelier.server.jobs.JobWorker}, which calls the
 * {@link org.atelier.server.jobs.JobHandler} registered for the job's queue. Because claims are
 * made in the database (MariaDB: {@code SELECT … FOR UPDATE SKIP LOCKED}; H2: conditional updates,
 * see {@code JobClaimer} for why), any number of kernel processes can share one database and one
 * queue without running a job twice while its lease lasts. Delivery is at least once: a job whose
 * worker dies is run again after its lease expires, so handlers must be idempotent.
 *
 * <p>Life of a job: see {@link org.atelier.server.jobs.JobState}. Retry timing: see
 * {@link org.atelier.server.jobs.RetryPolicy}. The SQL is in {@code JobDao/*.sql} beside the DAO;
 * it runs unchanged on H2 (MariaDB mode) and MariaDB, apart from the claim statements.
 *
 * <p>All public types are thread-safe except {@link org.atelier.server.jobs.JobWorker.Builder}.
 */
package org.atelier.server.jobs;
