package org.atelier.server.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The {@code jobs} table. Each method's SQL is in {@code JobDao/<method>.sql} beside this type and
 * runs on H2 (MariaDB mode) and MariaDB alike, except where a method says it is for one of them.
 *
 * <p>Times are bound as {@link LocalDateTime} in UTC (see {@link DbTime}): Jdbi binds those with
 * {@code setObject}, which no driver shifts into the JVM's time zone, unlike {@code Instant}.
 *
 * <p>The updates that record a run's outcome ({@link #complete}, {@link #retry}, {@link #bury}) are
 * fenced by worker id, attempt number and lease end, so they match only the run they report on.
 * The attempt number alone is not enough: {@code retryDead} starts counting again from zero.
 */
@UseClasspathSqlLocator
@RegisterRowMapper(JobDao.JobViewMapper.class)
interface JobDao {

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("queue") String queue, @Bind("payload") String payload, @Bind("maxAttempts") int maxAttempts,
                @Bind("runAt") LocalDateTime runAt, @Bind("createdAt") LocalDateTime createdAt);

    /** MariaDB: locks RUNNING jobs whose lease expired on their last attempt, for {@link #buryAbandoned}. */
    @SqlQuery
    List<Long> lockAbandoned(@Bind("queue") String queue, @Bind("now") LocalDateTime now, @Bind("limit") int limit);

    /** H2: ids of RUNNING jobs whose lease expired on their last attempt, without locking. */
    @SqlQuery
    List<Long> abandonedCandidates(@Bind("queue") String queue, @Bind("now") LocalDateTime now,
                                   @Bind("limit") int limit);

    /** Sends those of the given jobs that are still abandoned on their last attempt to DEAD. */
    @SqlUpdate
    int buryAbandoned(@BindList("ids") List<Long> ids, @Bind("now") LocalDateTime now);

    /** MariaDB: locks up to {@code limit} due READY jobs, skipping rows other claimers hold. */
    @SqlQuery
    List<Long> lockReady(@Bind("queue") String queue, @Bind("now") LocalDateTime now, @Bind("limit") int limit);

    /** MariaDB: locks up to {@code limit} RUNNING jobs whose lease has expired, short of their last attempt. */
    @SqlQuery
    List<Long> lockExpired(@Bind("queue") String queue, @Bind("now") LocalDateTime now, @Bind("limit") int limit);

    /** MariaDB: marks rows this transaction has locked as claimed. */
    @SqlUpdate
    int markClaimed(@BindList("ids") List<Long> ids, @Bind("workerId") String workerId,
                    @Bind("leaseUntil") LocalDateTime leaseUntil);

    /** H2: ids of claimable jobs, without locking (see {@link #claimOne}). */
    @SqlQuery
    List<Long> candidates(@Bind("queue") String queue, @Bind("now") LocalDateTime now, @Bind("limit") int limit);

    /** H2: claims one job if it is still claimable; 1 if this call won it, 0 if another did. */
    @SqlUpdate
    int claimOne(@Bind("id") long id, @Bind("workerId") String workerId, @Bind("now") LocalDateTime now,
                 @Bind("leaseUntil") LocalDateTime leaseUntil);

    @SqlQuery
    List<JobView> claimed(@BindList("ids") List<Long> ids, @Bind("workerId") String workerId);

    @SqlUpdate
    int complete(@Bind("id") long id, @Bind("workerId") String workerId, @Bind("attempt") int attempt,
                 @Bind("leaseUntil") LocalDateTime leaseUntil, @Bind("now") LocalDateTime now);

    @SqlUpdate
    int retry(@Bind("id") long id, @Bind("workerId") String workerId, @Bind("attempt") int attempt,
              @Bind("leaseUntil") LocalDateTime leaseUntil, @Bind("runAt") LocalDateTime runAt,
              @Bind("error") String error);

    @SqlUpdate
    int bury(@Bind("id") long id, @Bind("workerId") String workerId, @Bind("attempt") int attempt,
             @Bind("leaseUntil") LocalDateTime leaseUntil, @Bind("now") LocalDateTime now, @Bind("error") String error);

    @SqlUpdate
    int cancel(@Bind("id") long id, @Bind("now") LocalDateTime now);

    @SqlUpdate
    int retryDead(@Bind("id") long id, @Bind("now") LocalDateTime now);

    @SqlQuery
    Optional<JobView> find(@Bind("id") long id);

    @SqlQuery
    List<JobView> dead(@Bind("limit") int limit);

    @SqlQuery
    @KeyColumn("state")
    @ValueColumn("n")
    Map<String, Long> counts(@Bind("queue") String queue);

    /**
     * Deletes one batch of old DONE and CANCELLED jobs. READ COMMITTED because under MariaDB's
     * default REPEATABLE READ this unindexed scan would lock every row it reads, and the gaps
     * between them, until the batch commits.
     */
    @SqlUpdate
    @Transaction(TransactionIsolationLevel.READ_COMMITTED)
    int purge(@Bind("before") LocalDateTime before, @Bind("limit") int limit);

    /**
     * Maps a full {@code jobs} row (the column list of {@code find.sql}) to a {@link JobView}. A
     * member of this interface because Jdbi instantiates it reflectively, which needs a public
     * class, while the interface keeps it out of the package's API.
     */
    final class JobViewMapper implements RowMapper<JobView> {
        @Override
        public JobView map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new JobView(
                    rs.getLong("id"),
                    rs.getString("queue"),
                    rs.getString("payload"),
                    JobState.valueOf(rs.getString("state")),
                    rs.getInt("attempts"),
                    rs.getInt("max_attempts"),
                    instant(rs, "run_at").orElseThrow(),
                    Optional.ofNullable(rs.getString("locked_by")),
                    instant(rs, "locked_until"),
                    Optional.ofNullable(rs.getString("last_error")),
                    instant(rs, "created_at").orElseThrow(),
                    instant(rs, "finished_at"));
        }

        private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
            return Optional.ofNullable(rs.getObject(column, LocalDateTime.class)).map(DbTime::instant);
        }
    }
}
